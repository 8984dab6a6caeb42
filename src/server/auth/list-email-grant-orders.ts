import { listOrdersByEmail, type OrderSummary } from '@/domain/orders/list-orders-by-email';
import type { GrantView } from '@/domain/verification/grant-access';
import type { Shop } from '@/domain/shops/shop';
import { hashEmailFor } from '../orders/order-deps';
import type { Services } from '../services';
import { ordersByEmailGateway } from './magic-link-deps';
import { readSignedInShopper } from './shopper-sign-in';

/**
 * The first history page for an email grant, when this browser is still signed in as that email. The grant
 * stores only the email's hash; the address Shopify needs comes from the live Auth.js session, so history ends
 * when the sign-in session does. Empty when either is missing or they disagree.
 */
export async function listEmailGrantOrders(services: Services, shop: Shop, grants: readonly GrantView[], headers: Headers): Promise<OrderSummary[]> {
  const emailGrants = grants.filter((grant) => grant.kind === 'email' && grant.shopId === shop.id);
  if (emailGrants.length === 0) return [];
  const shopper = await readSignedInShopper(services, headers);
  if (!shopper || !emailGrants.some((grant) => grant.subject === shopper.emailHash)) return [];
  const result = await listOrdersByEmail(
    { shopId: shop.id, timeZone: shop.timezone, now: new Date(), hashEmail: hashEmailFor(services), gateway: ordersByEmailGateway(services, shop), cache: services.cache },
    shopper.email,
  );
  return result.ok ? result.orders : [];
}
