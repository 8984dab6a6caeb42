/**
 * The languages shoppers are served in. Adding one: a message file `messages/<locale>.json` (every key of
 * `messages/en.json`, the engine's words in `understand` included), a test fixture, and its code here and in
 * `MESSAGES`; see docs/i18n.md.
 */
export const SUPPORTED_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt-BR', 'ja'] as const;

export type Locale = (typeof SUPPORTED_LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

export function isSupportedLocale(value: string): value is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
