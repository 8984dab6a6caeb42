import { NextResponse, type NextRequest } from 'next/server';
import { getServices } from '@/server/services';
import { OAUTH_STATE_COOKIE } from '@/domain/shops/oauth-state';
import { finishShopifyInstall } from '@/server/use-cases/shops/finish-shopify-install';

/** GET /api/shopify/callback: Shopify's redirect after the merchant approved the install. */
export async function GET(request: NextRequest) {
  const services = await getServices();
  const result = await finishShopifyInstall(services, {
    query: request.nextUrl.searchParams,
    stateCookie: request.cookies.get(OAUTH_STATE_COOKIE)?.value,
    headers: request.headers,
  });
  const response = result.ok
    ? // The dashboard's sign-in page, saying who can sign in: the shop's owner (and whoever was signed in) own it now.
      NextResponse.redirect(new URL('/dashboard?notice=installed', services.env.APP_URL), 302)
    : new NextResponse(result.message, { status: result.status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  // The nonce is single use whatever happened.
  response.cookies.set({ name: OAUTH_STATE_COOKIE, value: '', path: '/api/shopify', maxAge: 0 });
  return response;
}
