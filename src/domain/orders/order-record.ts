import { z } from 'zod';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { buildOrderView } from '../tracking/build-order-view';
import { shopperOrderViewSchema, type ShopperOrderView } from '../tracking/shopper-order-view';
import { sourceOrderSchema, type SourceOrder } from './source-order';

/**
 * What we keep about an order between Shopify calls (cache and DB snapshot): the shopper-safe view (English) plus
 * the few facts verification needs, with the email only as a keyed hash, and the order's facts without its email
 * (`source`: the same minimal fields the view is built from) so the view can be worded in any shopper's language.
 */
export const orderRecordSchema = z.object({
  orderId: z.string(),
  orderName: z.string(),
  emailHash: z.string().nullable(),
  customerId: z.string().nullable(),
  test: z.boolean(),
  view: shopperOrderViewSchema,
  fetchedAt: z.string(),
  /** Absent on records stored before languages existed: those read in English. */
  source: sourceOrderSchema.nullish(),
});

export type OrderRecord = z.infer<typeof orderRecordSchema>;

export type RecordContext = { now: Date; timeZone: string; hashEmail: (email: string) => string | null };

/** Builds the record of a freshly fetched order: nothing of the raw order survives but the view and hashes. */
export function toOrderRecord(order: SourceOrder, context: RecordContext): OrderRecord {
  const view: ShopperOrderView = buildOrderView(order, { now: context.now, timeZone: context.timeZone });
  return {
    orderId: order.legacyResourceId,
    orderName: order.name,
    emailHash: order.email ? context.hashEmail(order.email) : null,
    customerId: order.customer?.id.replace(/^gid:\/\/shopify\/Customer\//, '') ?? null,
    test: order.test,
    view,
    fetchedAt: context.now.toISOString(),
    source: { ...order, email: null },
  };
}

/**
 * The record's view in the shopper's language: the same facts, dates and ages (as of the fetch) as the stored
 * English view, only the words and date formats differ. Records without `source` stay English.
 */
export function orderViewIn(record: OrderRecord, locale: Locale): ShopperOrderView {
  if (locale === DEFAULT_LOCALE || !record.source) return record.view;
  const view = buildOrderView(record.source, { now: new Date(record.view.generatedAt), timeZone: record.view.timeZone, locale });
  return { ...view, maskedEmail: record.view.maskedEmail };
}

/** The record with its view in the shopper's language (see orderViewIn). */
export function recordIn(record: OrderRecord, locale: Locale): OrderRecord {
  return locale === DEFAULT_LOCALE ? record : { ...record, view: orderViewIn(record, locale) };
}
