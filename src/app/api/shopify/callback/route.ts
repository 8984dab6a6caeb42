import { NextResponse, type NextRequest } from 'next/server';
import { getServices } from '@/server/services';
import { completeInstall } from '@/domain/shops/oauth';
import { OAUTH_STATE_COOKIE } from '@/domain/shops/oauth-state';
import { completeInstallDeps, oauthAppConfig } from '@/server/shops/shop-deps';
import { readSignedInShopper } from '@/server/auth/shopper-sign-in';
import { createShopMemberRepository } from '@/server/dashboard/shop-members';

/** GET /api/shopify/callback: Shopify's redirect after the merchant approved the install. */
export async function GET(request: NextRequest) {
  const services = await getServices();
  const result = await completeInstall(oauthAppConfig(services), completeInstallDeps(services), {
    query: request.nextUrl.searchParams,
    stateCookie: request.cookies.get(OAUTH_STATE_COOKIE)?.value,
  });
  const response = result.ok
    ? NextResponse.redirect(new URL(`/?installed=${encodeURIComponent(result.shop.domain)}`, services.env.APP_URL), 302)
    : new NextResponse(result.message, { status: result.status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (!result.ok) services.logger.warn('shopify install refused', { reason: result.reason });
  else services.logger.info('shop installed', { shop: result.shop.domain });
  // Whoever is signed in (magic link) while installing becomes the shop's owner; the OAuth flow has no email.
  if (result.ok) {
    const merchant = await readSignedInShopper(services, request.headers).catch(() => null);
    if (merchant) await createShopMemberRepository(services.db).addMember({ shopId: result.shop.id, email: merchant.email, role: 'owner' });
  }
  // The nonce is single use whatever happened.
  response.cookies.set({ name: OAUTH_STATE_COOKIE, value: '', path: '/api/shopify', maxAge: 0 });
  return response;
}
