import { z } from 'zod';
import { buildOrderView } from '../tracking/build-order-view';
import { shopperOrderViewSchema, type ShopperOrderView } from '../tracking/shopper-order-view';
import type { SourceOrder } from './source-order';

/**
 * What we keep about an order between Shopify calls (cache and DB snapshot): the shopper-safe view plus
 * the few facts verification needs, with the email only as a keyed hash.
 */
export const orderRecordSchema = z.object({
  orderId: z.string(),
  orderName: z.string(),
  emailHash: z.string().nullable(),
  customerId: z.string().nullable(),
  test: z.boolean(),
  view: shopperOrderViewSchema,
  fetchedAt: z.string(),
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
  };
}
