import { deepLinkSecretFor, verifyDeepLink } from '@/domain/links/deep-link';
import type { Shop } from '@/domain/shops/shop';
import { hashClientFor } from '../../wiring/order-deps';
import { sessionInquiryId } from '../../analytics/lookup-events';
import type { Services } from '../../services';

/** The deep-link secret of one shop (what its Liquid snippet embeds). */
export function shopDeepLinkSecret(services: Pick<Services, 'key'>, shop: Pick<Shop, 'domain' | 'settings'>): string {
  return deepLinkSecretFor(services.key('deep-link'), { domain: shop.domain, version: shop.settings.deepLinkSecretVersion });
}

/**
 * Verifies a deep link for this shop and, when valid, grants the browser session that order until the grant
 * TTL (the link itself may live longer; each click renews access). Every outcome is audited.
 */
export async function openDeepLink(
  services: Services,
  input: { shop: Shop; token: string; holderHash: string; clientAddress: string | null; now?: Date },
): Promise<{ ok: true; orderId: string } | { ok: false; reason: string }> {
  const now = input.now ?? new Date();
  const check = verifyDeepLink(shopDeepLinkSecret(services, input.shop), input.token.slice(0, 200), now);
  const clientHash = hashClientFor(services)(input.clientAddress);
  const audit = (result: 'success' | 'failure', reason: string, orderId: string | null) =>
    services.audit.record({ shopId: input.shop.id, door: 'email_link', action: 'deep_link', result, reason, clientHash, orderId });
  if (!check.ok) {
    await audit('failure', check.reason, null);
    return { ok: false, reason: check.reason };
  }
  const grantEnd = new Date(now.getTime() + services.env.GRANT_TTL_HOURS * 60 * 60 * 1000);
  await services.grants.createGrant({
    holderHash: input.holderHash,
    shopId: input.shop.id,
    kind: 'order',
    subject: check.orderId,
    door: 'email_link',
    expiresAt: grantEnd,
  });
  await audit('success', 'signed_link', check.orderId);
  services.analytics.record({
    shopId: input.shop.id,
    type: 'deep_link_opened',
    door: 'email_link',
    conversationId: sessionInquiryId(services, input.holderHash),
    orderId: check.orderId,
  });
  return { ok: true, orderId: check.orderId };
}
