import { ORDER_CACHE_TTL_MS, orderCacheKey } from '@/domain/orders/order-cache-keys';
import { orderRecordSchema, toOrderRecord, type OrderRecord } from '@/domain/orders/order-record';
import type { Shop } from '@/domain/shops/shop';
import { hashEmailFor } from '../wiring/order-deps';
import type { Services } from '../services';

/** A customer's recent orders change rarely within a chat; one Shopify call per 5 minutes is plenty. */
const CUSTOMER_ORDERS_TTL_MS = 5 * 60 * 1000;
const CUSTOMER_ORDERS_PAGE = 10;

const idsKey = (shopId: string, customerId: string) => `chat:customer-orders:${shopId}:${customerId}`;

/**
 * The latest orders of a Shopify customer (a customer grant's subject), newest first: from the cache when
 * warm, else one Admin API call whose orders are cached and snapshotted like any lookup. Throws when
 * Shopify fails and nothing is cached.
 */
export async function listCustomerOrders(services: Services, shop: Shop, customerId: string): Promise<OrderRecord[]> {
  const cachedIds = await services.cache.getJson<string[]>(idsKey(shop.id, customerId));
  if (Array.isArray(cachedIds)) {
    const records = await Promise.all(cachedIds.map(async (id) => orderRecordSchema.safeParse(await services.cache.getJson(orderCacheKey(shop.id, id)))));
    if (records.every((r) => r.success)) return records.map((r) => r.data!);
  }
  const credentials = await services.shops.getShopCredentials(shop);
  const page = await services.shopify.findOrdersByCustomer(credentials, customerId, { first: CUSTOMER_ORDERS_PAGE });
  const context = { now: new Date(), timeZone: shop.timezone, hashEmail: hashEmailFor(services) };
  const records = page.orders.map((order) => toOrderRecord(order, context)).sort((a, b) => b.view.placedAt.at.localeCompare(a.view.placedAt.at));
  await Promise.all(
    records.map(async (record) => {
      await services.cache.setJson(orderCacheKey(shop.id, record.orderId), record, ORDER_CACHE_TTL_MS);
      await services.snapshots.saveSnapshot({ ...record, shopId: shop.id, fetchedAt: new Date(record.fetchedAt), view: record.view }).catch(() => undefined);
    }),
  );
  await services.cache.setJson(
    idsKey(shop.id, customerId),
    records.map((r) => r.orderId),
    CUSTOMER_ORDERS_TTL_MS,
  );
  return records;
}
