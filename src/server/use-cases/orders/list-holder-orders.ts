import type { AccessibleOrder } from '@/domain/agent/agent-deps';
import { getOrderRecord, type OrderLookupDeps } from '@/domain/orders/lookup-order';
import { listOrdersByEmail, type ListOrdersByEmailResult, type OrderSummary } from '@/domain/orders/list-orders-by-email';
import type { Shop } from '@/domain/shops/shop';
import { grantedOrderIds, grantsAllowOrder, type GrantView } from '@/domain/verification/grant-access';
import type { SignedInShopper } from '../../auth/shopper-sign-in';
import { listCustomerOrders } from '../../orders/customer-orders';
import { hashEmailFor } from '../../wiring/order-deps';
import { ordersByEmailGateway } from '../../wiring/magic-link-deps';
import type { Services } from '../../services';

export type HolderOrders = {
  /** Orders reached by order and customer grants, full records, newest first. */
  orders: AccessibleOrder[];
  /** The first page of an email grant's history (magic link), when this browser is still signed in as that email. */
  emailHistory: OrderSummary[];
};

/** Orders newest first, by when they were placed. */
export const newestFirst = (a: { placedAt: { at: string } }, b: { placedAt: { at: string } }) => b.placedAt.at.localeCompare(a.placedAt.at);

/** One page of an email's orders in a shop, read live from Shopify (cached); the caller has checked the grant. */
export function emailHistoryPage(services: Services, shop: Shop, email: string, after?: string, now = new Date()): Promise<ListOrdersByEmailResult> {
  return listOrdersByEmail(
    { shopId: shop.id, timeZone: shop.timezone, now, hashEmail: hashEmailFor(services), gateway: ordersByEmailGateway(services, shop), cache: services.cache },
    email,
    after,
  );
}

/** Whether this signed-in browser holds an email grant for its own email in this shop. */
export function holdsEmailGrant(grants: readonly GrantView[], shop: Shop, signedIn: SignedInShopper | null): signedIn is SignedInShopper {
  return !!signedIn && grants.some((grant) => grant.kind === 'email' && grant.shopId === shop.id && grant.subject === signedIn.emailHash);
}

/** The browser's magic-link sign-in, read only when an email grant makes it matter (it costs a query). */
export type ReadSignedIn = () => Promise<SignedInShopper | null>;

/**
 * Every order a holder's grants reach in one shop, the one answer to "which orders may this browser or
 * conversation see": order grants, customer grants (the Shopify customer's latest orders) and, when
 * the browser is signed in (`readSignedIn`) as an email it holds a grant for, that email's first history page. Each record is re-checked against the
 * grants, so nothing outside them is ever returned. Orders Shopify cannot give us right now are left out.
 */
export async function listHolderOrders(
  services: Services,
  input: { shop: Shop; grants: readonly GrantView[]; lookup: OrderLookupDeps; readSignedIn: ReadSignedIn },
): Promise<HolderOrders> {
  const { shop, grants } = input;
  if (grants.length === 0) return { orders: [], emailHistory: [] };
  const orders: AccessibleOrder[] = [];
  for (const result of await Promise.all(grantedOrderIds(grants, shop.id).map((id) => getOrderRecord(input.lookup, id)))) {
    if (result.ok) orders.push({ record: result.record, stale: result.stale });
  }
  for (const grant of grants.filter((g) => g.kind === 'customer' && g.shopId === shop.id)) {
    const records = await listCustomerOrders(services, shop, grant.subject).catch(() => []);
    for (const record of records) if (!orders.some((known) => known.record.orderId === record.orderId)) orders.push({ record, stale: false });
  }
  let emailHistory: OrderSummary[] = [];
  const signedIn = grants.some((grant) => grant.kind === 'email' && grant.shopId === shop.id) ? await input.readSignedIn() : null;
  if (holdsEmailGrant(grants, shop, signedIn)) {
    const page = await emailHistoryPage(services, shop, signedIn.email);
    emailHistory = page.ok ? page.orders.filter((order) => !orders.some((known) => known.record.orderId === order.orderId)) : [];
  }
  return {
    orders: orders.filter((order) => grantsAllowOrder(grants, shop.id, order.record)).sort((a, b) => newestFirst(a.record.view, b.record.view)),
    emailHistory,
  };
}
