import { translator } from '@/domain/i18n/messages';
import { DEFAULT_LOCALE, type Locale } from '@/domain/i18n/locales';
import { recordIn, type OrderRecord } from '@/domain/orders/order-record';
import { describeFreshness } from '@/domain/tracking/describe-age';

/** Shown with a last-known answer when Shopify is throttling us, failing or too slow. */
export const staleNote = (fetchedAt: string, timeZone: string, now: Date, locale: Locale = DEFAULT_LOCALE) =>
  locale === DEFAULT_LOCALE
    ? `Shopify is busy or not answering right now; here is what we knew ${describeFreshness(fetchedAt, now, timeZone)}.`
    : translator(locale, 'chat')('staleNote', { freshness: describeFreshness(fetchedAt, now, timeZone, locale) });

/** The shopper's view of an order record (never its email hash) in their language, with how fresh it is. */
export function presentOrder(record: OrderRecord, stale: boolean, timeZone: string, now = new Date(), locale: Locale = DEFAULT_LOCALE) {
  return {
    order: recordIn(record, locale).view,
    freshness: { fetchedAt: record.fetchedAt, stale, note: stale ? staleNote(record.fetchedAt, timeZone, now, locale) : null },
  };
}

export type PresentedOrder = ReturnType<typeof presentOrder>;
