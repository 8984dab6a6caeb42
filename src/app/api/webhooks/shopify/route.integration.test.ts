import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { computeWebhookHmac } from '@/domain/webhooks/webhook-hmac';

// The route builds its services from the environment: point them at an in-memory database.
vi.stubEnv('PGLITE_DIR', 'memory://');
vi.stubEnv('APP_SECRET', 'route-test-secret-0123456789abcdef0123456789');
vi.stubEnv('SHOPIFY_API_SECRET', 'route-secret');
vi.stubEnv('LOG_LEVEL', 'silent');
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('REDIS_URL', '');

let route: typeof import('./route');
beforeAll(async () => {
  route = await import('./route');
});
afterAll(async () => {
  const { getServices } = await import('@/server/services');
  await (await getServices()).close();
  vi.unstubAllEnvs();
});

function webhook(body: string, hmac: string, method = 'POST') {
  return new Request('http://localhost/api/webhooks/shopify', {
    method,
    headers: {
      'X-Shopify-Topic': 'orders/updated',
      'X-Shopify-Hmac-Sha256': hmac,
      'X-Shopify-Shop-Domain': 'nobody.myshopify.com',
      'X-Shopify-Webhook-Id': crypto.randomUUID(),
      'X-Shopify-API-Version': '2025-01',
    },
    ...(method === 'POST' ? { body } : {}),
  });
}

describe('POST /api/webhooks/shopify', () => {
  it('verifies the raw body bytes and maps results to HTTP', async () => {
    // Non-canonical JSON (spaces, escaped unicode): only the raw bytes hash to the signature.
    const body = '{ "id" : 1, "note": "caf\\u00e9" }';
    const good = await route.POST(webhook(body, computeWebhookHmac('route-secret', new TextEncoder().encode(body))));
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ ok: true, ignored: 'unknown_shop' });
    expect((await route.POST(webhook(body, computeWebhookHmac('other', new TextEncoder().encode(body))))).status).toBe(401);
    expect((await route.GET(webhook(body, 'x', 'GET'))).status).toBe(405);
  });
});
