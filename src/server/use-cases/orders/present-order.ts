import type { OrderRecord } from '@/domain/orders/order-record';
import { describeFreshness } from '@/domain/tracking/format-time';

/** Shown with a last-known answer when Shopify is throttling us, failing or too slow. */
export const staleNote = (fetchedAt: string, timeZone: string, now: Date) =>
  `Shopify is busy or not answering right now; here is what we knew ${describeFreshness(fetchedAt, now, timeZone)}.`;

/** The shopper's view of an order record (never its email hash) with how fresh it is. */
export function presentOrder(record: OrderRecord, stale: boolean, timeZone: string, now = new Date()) {
  return {
    order: record.view,
    freshness: { fetchedAt: record.fetchedAt, stale, note: stale ? staleNote(record.fetchedAt, timeZone, now) : null },
  };
}

export type PresentedOrder = ReturnType<typeof presentOrder>;
