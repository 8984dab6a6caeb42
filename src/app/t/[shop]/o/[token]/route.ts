import { NextResponse, type NextRequest } from 'next/server';
import { loadTrackingShop, readShopperRequest } from '@/server/http/next-shopper-request';
import { openDeepLink } from '@/server/use-cases/links/open-deep-link';

type Context = { params: Promise<{ shop: string; token: string }> };

/**
 * A signed link from an order email: a valid one grants this browser the order and opens its page; tampered,
 * expired or another shop's links land on the lookup form (and in the audit log), never on another order.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const { shop: segment, token } = await params;
  const shop = await loadTrackingShop(segment);
  if (!shop) return new NextResponse('Not found', { status: 404 });
  const { services, session, clientAddress } = await readShopperRequest();
  const result = await openDeepLink(services, { shop, token, holderHash: session.ensureHolderHash(), clientAddress });
  const target = result.ok ? `/t/${shop.domain}/orders/${result.orderId}` : `/t/${shop.domain}?notice=link_invalid`;
  const response = NextResponse.redirect(new URL(target, request.url), 303);
  response.headers.set('Referrer-Policy', 'no-referrer');
  response.headers.set('Cache-Control', 'no-store');
  return response;
}
