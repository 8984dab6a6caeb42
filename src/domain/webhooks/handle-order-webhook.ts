import { orderCacheKey, orderNameCacheKey } from '../orders/order-cache-keys';
import { normalizeReferenceText, splitAroundNumber } from '../orders/order-name-format';
import type { OrderChildPayload, OrderPayload } from './webhook-payloads';
import { orderIdVariants, type WebhookDeps, type WebhookShop } from './webhook-deps';

/** The digits of an order name, as the name cache key wants them: '#1001' → '1001', 'NT-1001' → '1001'. */
export function orderNumberOfName(name: string): string | null {
  return splitAroundNumber(normalizeReferenceText(name))?.number ?? null;
}

/**
 * Drops the cached copies of these orders and their name lookups, so the next lookup asks Shopify.
 * Snapshots stay: they are the stale fallback when Shopify cannot answer, and that lookup rewrites them.
 */
export async function dropCachedOrders(
  deps: Pick<WebhookDeps, 'cache' | 'privacy'>,
  shopId: string,
  orderIds: string[],
  knownNames: string[] = [],
): Promise<{ orderKeys: number; nameKeys: number }> {
  const storedNames = orderIds.length > 0 ? await deps.privacy.findOrderNames(shopId, orderIds) : [];
  const numbers = new Set<string>();
  for (const name of [...knownNames, ...storedNames]) {
    const number = orderNumberOfName(name);
    if (number) numbers.add(number);
  }
  const keys = [
    ...new Set(orderIds.flatMap((id) => orderIdVariants(id).map((variant) => orderCacheKey(shopId, variant)))),
    ...[...numbers].map((number) => orderNameCacheKey(shopId, number)),
  ];
  await Promise.all(keys.map((key) => deps.cache.delete(key)));
  return { orderKeys: orderIds.length, nameKeys: numbers.size };
}

/** orders/*: the payload is the order itself, so its name is known even before we ever cached it. */
export async function handleOrderWebhook(deps: WebhookDeps, shop: WebhookShop, payload: OrderPayload) {
  const names = [payload.name, payload.order_number != null ? String(payload.order_number) : null].filter(
    (n): n is string => typeof n === 'string' && n !== '',
  );
  const dropped = await dropCachedOrders(deps, shop.id, [payload.id], names);
  return { orderId: payload.id, dropped };
}

/** fulfillments/* and fulfillment_events/*: only the order id is in the payload; the name comes from the snapshot. */
export async function handleOrderChildWebhook(deps: WebhookDeps, shop: WebhookShop, payload: OrderChildPayload) {
  const dropped = await dropCachedOrders(deps, shop.id, [payload.order_id]);
  return { orderId: payload.order_id, dropped };
}
