import { SUPPORTED_LOCALES } from './locale-list.generated';

/**
 * The languages shoppers are served in: one per message file in messages/, listed by scripts/sync-locales.ts
 * (run before dev, build, demo and test). Adding one: a message file and a test fixture; see docs/i18n.md.
 */
export { SUPPORTED_LOCALES };

export type Locale = (typeof SUPPORTED_LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

export function isSupportedLocale(value: string): value is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
