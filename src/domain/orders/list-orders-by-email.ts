import { emailsMatch } from '../verification/normalize-email';
import type { OrderStatusCategory } from '../tracking/status-categories';
import { ORDER_CACHE_TTL_MS, orderCacheKey } from './order-cache-keys';
import { toOrderRecord, type RecordContext } from './order-record';
import type { JsonCache } from './lookup-order';
import type { SourceOrder } from './source-order';
import { readOrderAttention, type OrderAttention } from '../tracking/order-attention';

/** Shopify's page size for history: small, so the first page is one cheap call. */
export const HISTORY_PAGE_SIZE = 4;

export type OrdersByEmailGateway = {
  findOrdersByEmail(email: string, page: { first: number; after?: string }): Promise<{ orders: SourceOrder[]; nextCursor: string | null }>;
};

export type ListOrdersByEmailDeps = RecordContext & { shopId: string; gateway: OrdersByEmailGateway; cache: JsonCache };

export type OrderSummary = {
  orderId: string;
  orderName: string;
  status: OrderStatusCategory;
  headline: string;
  placedAt: { at: string; display: string };
  itemCount: number;
  shipmentSummary: string | null;
  /** A delay or delivery problem the badge shows instead of the headline (see readOrderAttention). */
  attention: OrderAttention;
};

export type ListOrdersByEmailResult = { ok: true; orders: OrderSummary[]; nextCursor: string | null } | { ok: false; reason: 'unavailable' };

/**
 * One page of an email's orders in one shop, newest first. Shopify's email search is loose (`john@x.com` also
 * finds `john+shop@x.com`), so every order is compared exactly; test orders never appear. Each order's record is
 * cached, so opening one from the list costs no further Shopify call.
 */
export async function listOrdersByEmail(deps: ListOrdersByEmailDeps, email: string, after?: string): Promise<ListOrdersByEmailResult> {
  let page: { orders: SourceOrder[]; nextCursor: string | null };
  try {
    page = await deps.gateway.findOrdersByEmail(email, { first: HISTORY_PAGE_SIZE, ...(after ? { after } : {}) });
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
  const mine = page.orders.filter((order) => !order.test && emailsMatch(email, order.email));
  const records = mine.map((order) => toOrderRecord(order, deps));
  await Promise.all(records.map((record) => deps.cache.setJson(orderCacheKey(deps.shopId, record.orderId), record, ORDER_CACHE_TTL_MS).catch(() => undefined)));
  const orders = records
    .map(({ orderId, orderName, view }) => ({
      orderId,
      orderName,
      status: view.status,
      headline: view.headline,
      placedAt: view.placedAt,
      itemCount: view.items.reduce((sum, item) => sum + item.quantity, 0),
      shipmentSummary: view.shipmentSummary,
      attention: readOrderAttention(view),
    }))
    .sort((a, b) => b.placedAt.at.localeCompare(a.placedAt.at));
  return { ok: true, orders, nextCursor: page.nextCursor };
}

/** Whether an email has at least one real order in the shop (first page only: enough to decide a mail). */
export async function emailHasOrders(deps: Pick<ListOrdersByEmailDeps, 'gateway'>, email: string): Promise<boolean | 'unknown'> {
  try {
    const page = await deps.gateway.findOrdersByEmail(email, { first: HISTORY_PAGE_SIZE });
    return page.orders.some((order) => !order.test && emailsMatch(email, order.email));
  } catch {
    return 'unknown';
  }
}
