import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoShop, type DemoShop } from '../../../demo-shop/server';
import { createTestServices } from '../../../test/support/test-services';
import type { Services } from '@/server/services';
import { orderCacheKey, orderNameCacheKey } from '@/domain/orders/order-cache-keys';
import { handleShopifyWebhook } from '@/domain/webhooks/handle-shopify-webhook';
import type { Shop } from '@/domain/shops/shop';
import { syncWebhookSubscriptions } from '@/server/shops/sync-webhook-subscriptions';
import { webhookFixtures } from '../../../test/support/webhook-test-fixtures';

const APP_SECRET = 'demo-client-secret-for-webhooks';
const ACME = 'acme-outdoors.myshopify.com';
let services: Services;
let f: ReturnType<typeof webhookFixtures>;
let server: Server;
let url: string;
let demo: DemoShop;
let shop: Shop;

// A tiny HTTP front for the domain handler, doing what the route does: raw bytes first, then the handler.
// Listening first, so APP_URL can name it; the demo shop then delivers only to what the app subscribed.
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      handleShopifyWebhook(f.deps, { method: req.method ?? 'GET', headers, body: new Uint8Array(Buffer.concat(chunks)) })
        .then((result) => res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body)))
        .catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  url = `${appUrl}/api/webhooks/shopify`;
  services = await createTestServices({ SHOPIFY_API_SECRET: APP_SECRET, APP_URL: appUrl });
  f = webhookFixtures(services);
  demo = await startDemoShop({ port: 0, clientSecret: APP_SECRET });
  const info = demo.shops.find((s) => s.domain === ACME)!;
  shop = await services.shops.saveShop({
    domain: ACME,
    name: info.name,
    apiOrigin: info.origin,
    accessToken: info.accessToken,
    timezone: info.timezone,
    currency: info.currency,
  });
  const subscribed = await syncWebhookSubscriptions(services, shop);
  if (!subscribed.ok) throw new Error(subscribed.message);
});
afterAll(async () => {
  await demo?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await services?.close();
});

describe("the demo shop's webhooks over HTTP", () => {
  it('accepts the deliveries of a real fulfilment and drops that order from the cache', async () => {
    const order = demo.data.findOrder(ACME, '#1295')!;
    const orderId = String(order.id);
    await f.seedOrder(shop, { id: orderId, name: order.name });
    await f.seedOrder(shop, { id: '1', name: '#1' });

    const result = await demo.fulfillOrder(ACME, '#1295', { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' });
    expect(result.deliveries.map((d) => d.status)).toEqual(result.payloads.map(() => 200));
    expect(result.deliveries.map((d) => JSON.parse(d.responseBody).topic)).toEqual(result.payloads.map(([topic]) => topic));
    expect(await f.cached(orderCacheKey(shop.id, orderId))).toBeNull();
    expect(await f.cached(orderNameCacheKey(shop.id, '1295'))).toBeNull();
    expect(await f.cached(orderCacheKey(shop.id, '1'))).not.toBeNull();
  });

  it.each([
    ['body', '5512345000101'],
    ['hmac', '5512345000102'],
  ] as const)('refuses a delivery tampered by %s with 401 and changes nothing', async (tamper, orderId) => {
    await f.seedOrder(shop, { id: orderId, name: `#${orderId.slice(-3)}` });
    const webhookId = `demo-tamper-${tamper}`;
    const delivery = await demo.sendWebhook({ url, shop: ACME, topic: 'orders/updated', payload: { id: Number(orderId) }, tamper, webhookId });
    expect(delivery.status).toBe(401);
    expect(await f.cached(orderCacheKey(shop.id, orderId))).not.toBeNull();
    expect(await f.snapshotIds(shop)).toContain(orderId);
    expect(await f.deliveryExists(webhookId)).toBe(false);
  });

  it('answers 401 without the HMAC header (like a forged one) and processes a retried delivery once', async () => {
    const missing = await demo.sendWebhook({ url, shop: ACME, topic: 'orders/updated', payload: { id: 1 }, tamper: 'missing' });
    expect(missing.status).toBe(401);
    const options = { url, shop: ACME, topic: 'orders/paid', payload: { id: 2, name: '#2' }, webhookId: 'demo-retry-1' };
    expect(JSON.parse((await demo.sendWebhook(options)).responseBody)).toMatchObject({ ok: true, topic: 'orders/paid' });
    expect(JSON.parse((await demo.sendWebhook(options)).responseBody)).toEqual({ ok: true, duplicate: true });
  });
});
