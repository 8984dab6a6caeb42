import { getOrderRecord } from '@/domain/orders/lookup-order';
import type { OrderRecord } from '@/domain/orders/order-record';
import type { Shop } from '@/domain/shops/shop';
import { grantedOrderIds, grantsAllowOrder } from '@/domain/verification/grant-access';
import { UNAVAILABLE_MESSAGE } from '@/domain/verification/verify-failure-message';
import type { Door } from '@/domain/verification/verify-order';
import { recordOrderViewed, sessionInquiryId } from '../../analytics/lookup-events';
import { AppError } from '../../app-error';
import { hashClientFor, orderLookupDeps } from '../../wiring/order-deps';
import type { Services } from '../../services';

export const NO_ACCESS_MESSAGE = 'This order is not available. Look it up with its number and email first.';

export type ViewAnswer = { status: 'ok'; record: OrderRecord; stale: boolean } | { status: 'unavailable'; message: string };

/**
 * One order a holder's grants (order, email or customer) reach in this shop, freshest data we can get, audited
 * as a view. Anything the holder may not see is `not_found` with one message, and a holder without any grant
 * in the shop costs no Shopify call.
 */
export async function viewShopperOrder(
  services: Services,
  input: { shop: Shop; holderHash: string | null; clientAddress: string | null; door: Door; orderId: string; now?: Date },
): Promise<ViewAnswer> {
  const { shop, holderHash, door } = input;
  const grants = holderHash ? await services.grants.listGrants(holderHash, shop.id, input.now ?? new Date()) : [];
  const denied = () => new AppError('not_found', NO_ACCESS_MESSAGE);
  if (grants.length === 0) throw denied();
  const found = await getOrderRecord(orderLookupDeps(services, shop), input.orderId);
  if (!found.ok) {
    if (found.reason === 'unavailable' && grantedOrderIds(grants, shop.id).includes(input.orderId))
      return { status: 'unavailable', message: UNAVAILABLE_MESSAGE };
    throw denied();
  }
  if (!grantsAllowOrder(grants, shop.id, found.record)) throw denied();
  await services.audit.record({
    shopId: shop.id,
    door,
    action: 'view',
    result: 'success',
    reason: found.source,
    clientHash: hashClientFor(services)(input.clientAddress),
    emailHash: found.record.emailHash,
    orderId: found.record.orderId,
  });
  const inquiryId = holderHash && sessionInquiryId(services, holderHash);
  recordOrderViewed(services, shop.id, { door, inquiryId }, { record: found.record, source: found.source });
  return { status: 'ok', record: found.record, stale: found.stale };
}
