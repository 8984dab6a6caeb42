import { NextResponse } from 'next/server';
import { getServices } from '@/server/services';
import { handleShopifyWebhook } from '@/domain/webhooks/handle-shopify-webhook';
import { shopifyWebhookDeps } from '@/server/wiring/webhook-deps';

export const dynamic = 'force-dynamic';

/** POST /api/webhooks/shopify: every Shopify topic, including the mandatory compliance ones. */
async function handle(request: Request) {
  // Raw bytes first: the HMAC is over the body exactly as sent.
  const body = new Uint8Array(await request.arrayBuffer());
  const services = await getServices().catch(() => null);
  if (!services) return NextResponse.json({ error: 'unavailable' }, { status: 503 });
  try {
    const result = await handleShopifyWebhook(shopifyWebhookDeps(services), { method: request.method, headers: request.headers, body });
    return NextResponse.json(result.body, { status: result.status, headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    // Database down or similar: a 5xx makes Shopify retry later, which is what we want.
    services.logger.error('shopify webhook unavailable', { error: error instanceof Error ? error.message : String(error) });
    return NextResponse.json({ error: 'unavailable' }, { status: 503 });
  }
}

export const POST = handle;
export const GET = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
