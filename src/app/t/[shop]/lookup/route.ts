import { NextResponse, type NextRequest } from 'next/server';
import { listFrameAncestors } from '@/domain/widget/frame-ancestors';
import { toFormError } from '@/server/api/app-error-converter';
import { loadTrackingShop, readShopperRequest } from '@/server/http/next-shopper-request';
import { getServices } from '@/server/services';
import { verifyShopperOrder } from '@/server/use-cases/orders/verify-shopper-order';

type Params = { params: Promise<{ shop: string }> };

/** A form of two short fields; anything larger is not our form. */
const MAX_BODY_BYTES = 4096;

const field = (form: FormData, name: string, max: number) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
};

/**
 * POST /t/{shop}/lookup: the storefront's "Track your order" block (extensions/order-status) posts order number +
 * email here. The same verify use case, limits and session cookie as the hosted form; a match opens the
 * order's page, anything else goes back to the hosted form with a notice that never echoes what was typed.
 * Only the shop's own storefronts (the origins that may frame its chat) and this app may post: from anywhere
 * else the shopper lands on the empty hosted form instead, so another site cannot spend a shopper's attempts.
 */
export async function POST(request: NextRequest, { params }: Params) {
  const services = await getServices();
  const shop = await loadTrackingShop((await params).shop);
  if (!shop) return new NextResponse('This shop is not available.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const to = (pathname: string) => NextResponse.redirect(new URL(pathname, services.env.APP_URL), 303);
  const back = (notice: string) => to(`/t/${shop.domain}?notice=${notice}`);

  const origin = request.headers.get('origin');
  const allowed = [...listFrameAncestors(shop), new URL(services.env.APP_URL).origin];
  if (!origin || !allowed.includes(origin)) return back('lookup_here');
  if (Number(request.headers.get('content-length') ?? MAX_BODY_BYTES + 1) > MAX_BODY_BYTES) return back('lookup_here');

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return back('lookup_here');
  }
  const orderReference = field(form, 'orderReference', 200);
  const email = field(form, 'email', 320);
  if (!orderReference.trim() || !email.trim()) return back('lookup_missing');

  try {
    const { session, clientAddress } = await readShopperRequest();
    const result = await verifyShopperOrder(services, {
      shop,
      holderHash: session.ensureHolderHash(),
      clientAddress,
      door: 'page',
      reference: orderReference,
      email,
    });
    if (result.status === 'verified') return to(`/t/${shop.domain}/orders/${result.record.orderId}`);
    const locked = result.status === 'locked' || (result.status === 'not_verified' && result.triesLeft === 0);
    return back(locked ? 'lookup_locked' : result.status === 'unavailable' ? 'lookup_unavailable' : 'lookup_failed');
  } catch (error) {
    if (toFormError(error).code === 'unavailable') return back('lookup_unavailable');
    throw error;
  }
}

/** A bookmarked or reloaded lookup URL: the hosted form. */
export async function GET(_request: NextRequest, { params }: Params) {
  const services = await getServices();
  const shop = await loadTrackingShop((await params).shop);
  if (!shop) return new NextResponse('This shop is not available.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return NextResponse.redirect(new URL(`/t/${shop.domain}`, services.env.APP_URL), 303);
}
