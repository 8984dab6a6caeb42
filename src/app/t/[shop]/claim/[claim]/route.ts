import { NextResponse, type NextRequest } from 'next/server';
import { safeCallbackPath } from '@/domain/links/request-magic-link';
import { redeemShopClaim } from '@/server/use-cases/links/redeem-shop-claim';
import { readSignedInShopper } from '@/server/auth/shopper-sign-in';
import { loadTrackingShop, readShopperRequest } from '@/server/http/next-shopper-request';

type Context = { params: Promise<{ shop: string; claim: string }> };

/**
 * Where a magic link lands after Auth.js has signed the browser in: redeems the link's claim for this shop into
 * an email grant for this browser session, then opens the history.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const { shop: segment, claim } = await params;
  const shop = await loadTrackingShop(segment);
  if (!shop) return new NextResponse('Not found', { status: 404 });
  const { services, session, headers, clientAddress } = await readShopperRequest();
  const shopper = await readSignedInShopper(services, headers);
  const valid = await redeemShopClaim(services, { shop, claim, holderHash: session.ensureHolderHash(), shopper, clientAddress, now: new Date() });
  const target = valid ? safeCallbackPath(shop.domain, request.nextUrl.searchParams.get('next') ?? undefined) : `/t/${shop.domain}?notice=link_invalid`;
  const response = NextResponse.redirect(new URL(target, request.url), 303);
  response.headers.set('Cache-Control', 'no-store');
  return response;
}
