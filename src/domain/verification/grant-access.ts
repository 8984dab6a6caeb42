import type { OrderRecord } from '../orders/order-record';

export type GrantView = { kind: 'order' | 'email' | 'customer'; subject: string; shopId: string };

/**
 * Whether a holder's grants reach this order: an order grant for exactly this order id, an email grant for
 * the order's email (hash), or a customer grant for the order's customer. Grants of another shop never count.
 */
export function grantsAllowOrder(
  grants: readonly GrantView[],
  shopId: string,
  record: Pick<OrderRecord, 'orderId' | 'emailHash' | 'customerId' | 'test'>,
): boolean {
  if (record.test) return false;
  return grants.some((grant) => {
    if (grant.shopId !== shopId) return false;
    if (grant.kind === 'order') return grant.subject === record.orderId;
    if (grant.kind === 'email') return record.emailHash !== null && grant.subject === record.emailHash;
    return record.customerId !== null && grant.subject === record.customerId;
  });
}

/** Order ids a holder may open without another lookup (order grants only; email/customer grants list through Shopify). */
export function grantedOrderIds(grants: readonly GrantView[], shopId: string): string[] {
  return [...new Set(grants.filter((grant) => grant.shopId === shopId && grant.kind === 'order').map((grant) => grant.subject))];
}
