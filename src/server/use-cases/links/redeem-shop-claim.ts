import type { Shop } from '@/domain/shops/shop';
import { sessionInquiryId } from '../../analytics/lookup-events';
import { hashClientFor } from '../../wiring/order-deps';
import type { Services } from '../../services';
import { grantEmailAccess, verifyShopClaim, type SignedInShopper } from '../../auth/shopper-sign-in';

/**
 * A magic link's last step: the link's claim for this shop must match the signed-in email; then this browser
 * session gets an email grant. Audited either way; counted as `magic_link_used` when it worked.
 */
export async function redeemShopClaim(
  services: Services,
  input: { shop: Shop; claim: string; holderHash: string; shopper: SignedInShopper | null; clientAddress: string | null; now: Date },
): Promise<boolean> {
  const { shop, shopper, now } = input;
  const valid = shopper !== null && verifyShopClaim(services, input.claim, { shopId: shop.id, emailHash: shopper.emailHash, now });
  if (valid) {
    await grantEmailAccess(services, { holderHash: input.holderHash, shopId: shop.id, shopper, now });
    services.analytics.record({ shopId: shop.id, type: 'magic_link_used', door: 'email_link', conversationId: sessionInquiryId(services, input.holderHash) });
  }
  await services.audit.record({
    shopId: shop.id,
    door: 'email_link',
    action: 'magic_link',
    result: valid ? 'success' : 'failure',
    reason: valid ? 'claimed' : shopper ? 'claim_mismatch' : 'not_signed_in',
    emailHash: shopper?.emailHash ?? null,
    clientHash: hashClientFor(services)(input.clientAddress),
    orderId: null,
  });
  return valid;
}
