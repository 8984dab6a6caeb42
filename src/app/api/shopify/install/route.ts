import { NextResponse, type NextRequest } from 'next/server';
import { getServices } from '@/server/services';
import { beginInstall } from '@/domain/shops/oauth';
import { OAUTH_STATE_COOKIE } from '@/domain/shops/oauth-state';
import { oauthAppConfig } from '@/server/wiring/shop-deps';

/** GET /api/shopify/install?shop=acme.myshopify.com → 302 to the shop's OAuth authorize screen. */
export async function GET(request: NextRequest) {
  const services = await getServices();
  const result = beginInstall(oauthAppConfig(services), request.nextUrl.searchParams);
  if (!result.ok) {
    return new NextResponse(result.message, { status: result.status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const response = NextResponse.redirect(result.redirectUrl, 302);
  response.cookies.set({
    name: OAUTH_STATE_COOKIE,
    value: result.cookie.value,
    httpOnly: true,
    sameSite: 'lax',
    secure: services.env.APP_URL.startsWith('https:'),
    path: '/api/shopify',
    maxAge: result.cookie.maxAgeSeconds,
  });
  return response;
}
