import type { OrderSummary } from '@/domain/orders/list-orders-by-email';
import type { Shop } from '@/domain/shops/shop';
import { maskEmail } from '@/domain/verification/normalize-email';
import type { SignedInShopper } from '../../auth/shopper-sign-in';
import { hashClientFor } from '../../wiring/order-deps';
import type { Services } from '../../services';
import { emailHistoryPage, holdsEmailGrant } from './list-holder-orders';

export type OrderHistory =
  | { state: 'signed_out' }
  | { state: 'other_shop'; maskedEmail: string }
  | { state: 'unavailable'; maskedEmail: string }
  | { state: 'ok'; maskedEmail: string; orders: OrderSummary[]; nextCursor: string | null };

const CURSOR_SHAPE = /^[A-Za-z0-9+/=_-]{1,512}$/;

/**
 * The history page's data: only for a browser that is signed in (Auth.js session) AND holds an email grant for
 * that same email in this shop (made when it redeemed a link requested here). Each page view is audited.
 */
export async function loadOrderHistory(
  services: Services,
  input: { shop: Shop; holderHash: string | null; signedIn: SignedInShopper | null; clientAddress: string | null; after?: string | undefined; now?: Date },
): Promise<OrderHistory> {
  const shopper = input.signedIn;
  if (!shopper) return { state: 'signed_out' };
  const now = input.now ?? new Date();
  const maskedEmail = maskEmail(shopper.email) ?? '';
  const grants = input.holderHash ? await services.grants.listGrants(input.holderHash, input.shop.id, now) : [];
  if (!holdsEmailGrant(grants, input.shop, shopper)) return { state: 'other_shop', maskedEmail };
  const after = input.after && CURSOR_SHAPE.test(input.after) ? input.after : undefined;
  const result = await emailHistoryPage(services, input.shop, shopper.email, after, now);
  await services.audit.record({
    shopId: input.shop.id,
    door: 'page',
    action: 'view',
    result: result.ok ? 'success' : 'unavailable',
    reason: 'order_history',
    emailHash: shopper.emailHash,
    clientHash: hashClientFor(services)(input.clientAddress),
    orderId: null,
  });
  if (!result.ok) return { state: 'unavailable', maskedEmail };
  return { state: 'ok', maskedEmail, orders: result.orders, nextCursor: result.nextCursor };
}
