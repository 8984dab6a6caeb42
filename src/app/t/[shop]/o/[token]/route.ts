import { NextResponse, type NextRequest } from 'next/server';
import { openDeepLink } from '@/server/tracking/open-deep-link';
import { loadTrackingShop, trackingContext } from '@/server/tracking/page-context';

type Context = { params: Promise<{ shop: string; token: string }> };

/**
 * A signed link from an order email: a valid one grants this browser the order and opens its page; tampered,
 * expired or another shop's links land on the lookup form (and in the audit log), never on another order.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const { shop: segment, token } = await params;
  const shop = await loadTrackingShop(segment);
  if (!shop) return new NextResponse('Not found', { status: 404 });
  const tracking = await trackingContext({ createSession: true });
  const result = await openDeepLink(tracking.services, { shop, token, holderHash: tracking.holderHash!, clientAddress: tracking.ctx.clientAddress });
  const target = result.ok ? `/t/${shop.domain}/orders/${result.orderId}` : `/t/${shop.domain}?notice=link_invalid`;
  const response = NextResponse.redirect(new URL(target, request.url), 303);
  response.headers.set('Referrer-Policy', 'no-referrer');
  response.headers.set('Cache-Control', 'no-store');
  return response;
}
