import { NextResponse, type NextRequest } from 'next/server';
import { safeCallbackPath } from '@/domain/links/request-magic-link';
import { grantEmailAccess, readSignedInShopper, verifyShopClaim } from '@/server/auth/shopper-sign-in';
import { hashClientFor } from '@/server/orders/order-deps';
import { sessionInquiryId } from '@/server/analytics/lookup-events';
import { loadTrackingShop, trackingContext } from '@/server/tracking/page-context';

type Context = { params: Promise<{ shop: string; claim: string }> };

/**
 * Where a magic link lands after Auth.js has signed the browser in: redeems the link's claim for this shop (it
 * must match the signed-in email) into an email grant for this browser session, then opens the history.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const { shop: segment, claim } = await params;
  const shop = await loadTrackingShop(segment);
  if (!shop) return new NextResponse('Not found', { status: 404 });
  const { services, holderHash, headers, ctx } = await trackingContext({ createSession: true });
  const shopper = await readSignedInShopper(services, headers);
  const now = new Date();
  const valid = shopper !== null && verifyShopClaim(services, claim, { shopId: shop.id, emailHash: shopper.emailHash, now });
  if (valid) await grantEmailAccess(services, { holderHash: holderHash!, shopId: shop.id, shopper, now });
  if (valid) services.analytics.record({ shopId: shop.id, type: 'magic_link_used', door: 'email_link', conversationId: sessionInquiryId(services, holderHash!) });
  await services.audit.record({
    shopId: shop.id,
    door: 'email_link',
    action: 'magic_link',
    result: valid ? 'success' : 'failure',
    reason: valid ? 'claimed' : shopper ? 'claim_mismatch' : 'not_signed_in',
    emailHash: shopper?.emailHash ?? null,
    clientHash: hashClientFor(services)(ctx.clientAddress),
    orderId: null,
  });
  const target = valid ? safeCallbackPath(shop.domain, request.nextUrl.searchParams.get('next') ?? undefined) : `/t/${shop.domain}?notice=link_invalid`;
  const response = NextResponse.redirect(new URL(target, request.url), 303);
  response.headers.set('Cache-Control', 'no-store');
  return response;
}
