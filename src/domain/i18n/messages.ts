import { createTranslator } from 'use-intl/core';
import { MESSAGE_FILES } from './message-files.generated';
import { DEFAULT_LOCALE, type Locale } from './locales';

/** The message files, one per language; English is the reference every other file must match (see messages.test.ts). */
export const MESSAGES: Record<Locale, Record<string, unknown>> = MESSAGE_FILES;

/** The engine's namespaces; `ui` belongs to the pages and the widget chrome (next-intl). */
export type EngineNamespace = 'chat' | 'status' | 'verification' | 'email';

/** Plain values an engine message takes (already formatted: dates, money and names arrive as text). */
export type MessageValues = Record<string, string | number>;

export type Translate = (key: string, values?: MessageValues) => string;

const english = new Map<EngineNamespace, Translate>();
const cache = new Map<string, Translate>();

function build(locale: Locale, namespace: EngineNamespace, fallback: Translate | null): Translate {
  const t = createTranslator({
    locale,
    messages: MESSAGES[locale] as Record<string, Record<string, unknown>>,
    namespace,
    // A key missing in a language (messages.test.ts fails on it first) reads in English rather than as a key path.
    onError: () => {},
    getMessageFallback: ({ key }) => (fallback ? fallback(key) : key),
  });
  return (key, values) => t(key as never, values as never);
}

/**
 * The shopper-facing words of one namespace in one language, rendered with ICU MessageFormat (plurals, selects)
 * by use-intl's framework-free core. Unknown locales read in English.
 */
export function translator(locale: Locale | null | undefined, namespace: EngineNamespace): Translate {
  const wanted = locale && locale in MESSAGES ? locale : DEFAULT_LOCALE;
  const key = `${wanted}|${namespace}`;
  let t = cache.get(key);
  if (!t) {
    let en = english.get(namespace);
    if (!en) english.set(namespace, (en = build(DEFAULT_LOCALE, namespace, null)));
    t = wanted === DEFAULT_LOCALE ? en : build(wanted, namespace, en);
    cache.set(key, t);
  }
  return t;
}

/** `yes`/`no` for an ICU select on an optional part (`{hasCarrier, select, yes { with {carrier}} other {}}`). */
export const yesNo = (present: unknown): 'yes' | 'no' => (present ? 'yes' : 'no');

/** A label used inside a sentence: lower-cased where the language writes it so ("In transit" → "in transit"), never German nouns. */
export function inSentence(label: string, locale: Locale): string {
  return locale === 'de' || locale === 'ja' ? label : label.toLocaleLowerCase(locale);
}
