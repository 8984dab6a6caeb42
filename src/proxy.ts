import { NextResponse, type NextRequest } from 'next/server';
import { embeddedFramePolicy } from '@/domain/embedded/embedded-frame-policy';
import { getEnv } from '@/env';
import { getServices } from '@/server/services';
import { readWidgetFramePolicy } from '@/server/widget/frame-policy';
import { SHOPPER_LOCALE_HEADERS, localeChoiceCookie, readChosenLocaleParam, readStorefrontLocaleParam } from '@/server/http/shopper-locale-request';

async function widgetPolicy(pathname: string): Promise<string> {
  try {
    const shop = decodeURIComponent(pathname.split('/')[2] ?? '');
    const services = await getServices();
    return await readWidgetFramePolicy({ findShopByDomain: services.shops.findShopByDomain, now: Date.now }, shop);
  } catch (error) {
    console.error('widget frame policy lookup failed', error instanceof Error ? error.message : error);
    return "frame-ancestors 'none'";
  }
}

/** Embedded admin pages (issue 12): only the shop named in `?shop=` and Shopify admin may frame them. */
function embeddedPolicy(shop: string | null): string {
  try {
    return embeddedFramePolicy(shop, getEnv().SHOPIFY_ADMIN_UI_ORIGIN);
  } catch (error) {
    console.error('embedded frame policy failed', error instanceof Error ? error.message : error);
    return "frame-ancestors 'none'";
  }
}

/**
 * Per-request headers for the chat iframe. next.config.js gives every other route `frame-ancestors 'none'`;
 * the widget may be framed only by the shop's own domains, which live in the database, so the policy is
 * decided here; so are the embedded admin pages' (`/embedded`). Any failure answers with `'none'`: the widget then does not load, but is never framable by all.
 */
/**
 * Shopper routes (`/t/{shop}…`, `/widget/{shop}`) tell the i18n request config which shop and which locale hints
 * this request carries (docs/i18n.md); a `?lang=` choice is also kept in a session cookie.
 */
function withShopperLocale(request: NextRequest): NextResponse {
  const { pathname, searchParams } = request.nextUrl;
  const forwarded = new Headers(request.headers);
  for (const name of Object.values(SHOPPER_LOCALE_HEADERS)) forwarded.delete(name);
  forwarded.set(SHOPPER_LOCALE_HEADERS.shop, pathname.split('/')[2] ?? '');
  const storefront = readStorefrontLocaleParam(searchParams.get('locale'));
  if (storefront) forwarded.set(SHOPPER_LOCALE_HEADERS.storefront, storefront);
  const chosen = readChosenLocaleParam(searchParams.get('lang'));
  if (chosen) forwarded.set(SHOPPER_LOCALE_HEADERS.chosen, chosen);
  const response = NextResponse.next({ request: { headers: forwarded } });
  if (chosen) response.cookies.set(localeChoiceCookie(getEnv().APP_URL, chosen));
  return response;
}

export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname.startsWith('/t/')) return withShopperLocale(request);
  const policy = pathname === '/embedded' || pathname.startsWith('/embedded/') ? embeddedPolicy(searchParams.get('shop')) : await widgetPolicy(pathname);
  const response = pathname.startsWith('/widget/') ? withShopperLocale(request) : NextResponse.next();
  response.headers.set('Content-Security-Policy', policy);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  return response;
}

export const config = { matcher: ['/widget/:shop', '/embedded', '/embedded/:path*', '/t/:path*'] };
