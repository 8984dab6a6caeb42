import { NextResponse, type NextRequest } from 'next/server';
import { getServices } from '@/server/services';
import { readWidgetFramePolicy } from '@/server/widget/frame-policy';

/**
 * Per-request headers for the chat iframe. next.config.js gives every other route `frame-ancestors 'none'`;
 * the widget may be framed only by the shop's own domains, which live in the database, so the policy is
 * decided here. Any failure answers with `'none'`: the widget then does not load, but is never framable by all.
 */
export async function proxy(request: NextRequest) {
  let policy = "frame-ancestors 'none'";
  try {
    const shop = decodeURIComponent(request.nextUrl.pathname.split('/')[2] ?? '');
    const services = await getServices();
    policy = await readWidgetFramePolicy({ findShopByDomain: services.shops.findShopByDomain, now: Date.now }, shop);
  } catch (error) {
    console.error('widget frame policy lookup failed', error instanceof Error ? error.message : error);
  }
  const response = NextResponse.next();
  response.headers.set('Content-Security-Policy', policy);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  return response;
}

export const config = { matcher: '/widget/:shop' };
