/** Keys of the shared order cache; webhooks and lookups must agree on them. */
export const ORDER_CACHE_TTL_MS = 15 * 60 * 1000;

export const orderCacheKey = (shopId: string, orderId: string) => `order:${shopId}:${orderId}`;

/** Which order ids answer a typed order number (positive and negative results are both cached). */
export const orderNameCacheKey = (shopId: string, orderNumber: string) => `ordername:${shopId}:${orderNumber}`;
