import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type Locale } from './locales';

/** The languages a shop has published on its storefront (Shopify's `shopLocales`), as stored at connect and on `locales/*` webhooks. */
export type ShopLocales = { primary: string; published: string[] };

export type LocaleSignals = {
  /** What the shopper picked in a language switcher (the `osa_locale` cookie): wins when the shop offers it. */
  chosen?: string | null;
  /** The storefront's `request.locale.iso_code`, passed by the loader or the app embed as `?locale=`. */
  storefront?: string | null;
  /** The browser's `Accept-Language` header. */
  acceptLanguage?: string | null;
  /** The language of the shopper's own chat messages, when it is clear. */
  messageLanguage?: string | null;
};

const BY_LOWER = new Map<string, Locale>(SUPPORTED_LOCALES.map((locale) => [locale.toLowerCase(), locale]));

/**
 * The supported locale a BCP 47 / Shopify tag stands for: exact (`pt-BR`), else by language (`de-CH` → `de`,
 * `fr-CA` → `fr`, any Portuguese → `pt-BR`, our only Portuguese). Null for a language we do not speak.
 */
export function toSupportedLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const lower = tag.trim().replace(/_/g, '-').toLowerCase();
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(lower)) return null;
  const exact = BY_LOWER.get(lower);
  if (exact) return exact;
  const language = lower.split('-')[0]!;
  return BY_LOWER.get(language) ?? SUPPORTED_LOCALES.find((locale) => locale.toLowerCase().startsWith(`${language}-`)) ?? null;
}

/** Accept-Language's tags, most wanted first (q=0 and `*` dropped; malformed parts ignored). At most 20 are read. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}

/** The supported locales a shop offers: its published ones we speak (all of ours when the shop has not told us yet). */
export function offeredLocales(shopLocales: ShopLocales | null | undefined): Locale[] {
  if (!shopLocales) return [...SUPPORTED_LOCALES];
  const offered = new Set([shopLocales.primary, ...shopLocales.published].map(toSupportedLocale).filter((l): l is Locale => l !== null));
  return offered.size > 0 ? SUPPORTED_LOCALES.filter((locale) => offered.has(locale)) : [DEFAULT_LOCALE];
}

/**
 * Which language to serve a shopper in: their own choice, then the storefront's locale, then Accept-Language,
 * then the language of their messages; each only when the shop publishes it. Otherwise the shop's primary
 * locale, and English when we do not speak that. Total: any input yields a supported locale.
 */
export function negotiateLocale(signals: LocaleSignals, shopLocales: ShopLocales | null | undefined): Locale {
  const offered = offeredLocales(shopLocales);
  const candidates = [signals.chosen, signals.storefront, ...parseAcceptLanguage(signals.acceptLanguage), signals.messageLanguage];
  for (const candidate of candidates) {
    const locale = toSupportedLocale(candidate);
    if (locale && offered.includes(locale)) return locale;
  }
  const primary = toSupportedLocale(shopLocales?.primary);
  if (primary && offered.includes(primary)) return primary;
  return offered.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : (offered[0] ?? DEFAULT_LOCALE);
}
