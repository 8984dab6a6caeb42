import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest } from './client';
import { signOAuthQuery } from './oauth';
import { knownOrder } from './seed/known-orders';
import { startDemoShop, shopOrigin, type DemoShop } from './server';
import { ACME, NORDIC } from './shops';
import { signWebhookBody } from './webhooks';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}
const received: Received[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.end('ok');
  });
});
let demo: DemoShop;
let hookUrl = '';

beforeAll(async () => {
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`;
  demo = await startDemoShop({ port: 0, seed: 4 });
  // Deliveries go only to subscribed addresses: subscribe the receiver through the Admin API, as an app does.
  for (const topic of ['FULFILLMENTS_CREATE', 'ORDERS_FULFILLED', 'ORDERS_UPDATED', 'ORDERS_CANCELLED']) {
    const created = await graphqlRequest<{ webhookSubscriptionCreate: { userErrors: unknown[] } }>(
      demo,
      ACME,
      'mutation subscribe($topic: WebhookSubscriptionTopic!, $url: URL!) { webhookSubscriptionCreate(topic: $topic, webhookSubscription: { callbackUrl: $url, format: JSON }) { userErrors { field message } } }',
      { topic, url: hookUrl },
    );
    expect(created.body.data!.webhookSubscriptionCreate.userErrors).toEqual([]);
  }
});
afterAll(async () => {
  await demo.close();
  await new Promise((r) => receiver.close(r));
});

describe('OAuth authorization-code grant', () => {
  it('redirects with a signed query and exchanges a single-use code for a working token', async () => {
    const authorize = new URL(`${shopOrigin(demo, NORDIC)}/admin/oauth/authorize`);
    authorize.search = new URLSearchParams({
      client_id: demo.clientId,
      scope: 'read_orders',
      redirect_uri: 'https://app.example/auth/callback',
      state: 'nonce-1',
    }).toString();
    const res = await fetch(authorize, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const callback = new URL(res.headers.get('location')!);
    expect(callback.origin + callback.pathname).toBe('https://app.example/auth/callback');
    const q = callback.searchParams;
    expect([...q.keys()].sort()).toEqual(['code', 'hmac', 'host', 'shop', 'state', 'timestamp']);
    expect(q.get('state')).toBe('nonce-1');
    expect(q.get('shop')).toBe(NORDIC);
    expect(q.get('hmac')).toBe(signOAuthQuery(q, demo.clientSecret));

    const exchange = (body: Record<string, string>): Promise<Response> =>
      fetch(`${shopOrigin(demo, NORDIC)}/admin/oauth/access_token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const wrong = await exchange({ client_id: demo.clientId, client_secret: 'nope', code: q.get('code')! });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_request' });
    const ok = await exchange({ client_id: demo.clientId, client_secret: demo.clientSecret, code: q.get('code')! });
    const token = (await ok.json()) as { access_token: string; scope: string };
    expect(token.scope).toBe('read_orders');
    const again = await exchange({ client_id: demo.clientId, client_secret: demo.clientSecret, code: q.get('code')! });
    expect(again.status).toBe(400);

    const r = await graphqlRequest<{ shop: { name: string } }>(demo, NORDIC, '{ shop { name } }', {}, { token: token.access_token });
    expect(r.body.data?.shop.name).toBe('Nordic Threads');
    const elsewhere = await graphqlRequest(demo, ACME, '{ shop { name } }', {}, { token: token.access_token });
    expect(elsewhere.status).toBe(401);
  });
});

describe('webhooks', () => {
  it('sends the 8 headers and a base64 HMAC of the exact bytes', async () => {
    received.length = 0;
    const delivery = await demo.sendWebhook({
      shop: ACME,
      topic: 'orders/updated',
      rawBody: '{"id":820982911946154508,"email":"jon@example.com","name":"#9999"}',
      url: hookUrl,
      secret: 'hush',
      webhookId: 'w-1',
      eventId: 'e-1',
    });
    expect(delivery.status).toBe(200);
    const [hit] = received;
    expect(hit!.body).toBe('{"id":820982911946154508,"email":"jon@example.com","name":"#9999"}');
    expect(hit!.headers['x-shopify-hmac-sha256']).toBe('GHRA62rRonufCGcinoJEGFXXDPAEMt9WRVI1Q51xtjw=');
    expect(hit!.headers).toMatchObject({
      'x-shopify-topic': 'orders/updated',
      'x-shopify-shop-domain': ACME,
      'x-shopify-api-version': '2025-01',
      'x-shopify-webhook-id': 'w-1',
      'x-shopify-event-id': 'e-1',
    });
    expect(hit!.headers['x-shopify-triggered-at']).toBeTruthy();
    await demo.sendWebhook({ shop: ACME, topic: 'orders/updated', payload: { id: 1 }, url: hookUrl, tamper: true });
    const tampered = received[1]!;
    expect(signWebhookBody(tampered.body, demo.clientSecret)).not.toBe(tampered.headers['x-shopify-hmac-sha256']);
  });

  it('fulfillOrder mutates the order and emits signed REST-shaped webhooks', async () => {
    received.length = 0;
    const k = knownOrder('acme.unfulfilled');
    const result = await demo.fulfillOrder(ACME, k.name, { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' });
    expect(result.order.displayFulfillmentStatus).toBe('FULFILLED');
    expect(received.map((r) => r.headers['x-shopify-topic'])).toEqual(['fulfillments/create', 'orders/fulfilled', 'orders/updated']);
    expect(new Set(received.map((r) => r.headers['x-shopify-event-id'])).size).toBe(1);
    for (const r of received) expect(r.headers['x-shopify-hmac-sha256']).toBe(signWebhookBody(r.body, demo.clientSecret));
    const fulfillment = JSON.parse(received[0]!.body) as Record<string, unknown>;
    expect(fulfillment).toMatchObject({
      tracking_company: 'UPS',
      tracking_number: '1Z999AA10123456784',
      tracking_url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
      shipment_status: null,
    });
    expect(JSON.parse(received[2]!.body)).toMatchObject({ name: k.name, fulfillment_status: 'fulfilled' });

    await demo.addFulfillmentEvent(ACME, k.name, { status: 'in_transit', city: 'Memphis' });
    const gql = await graphqlRequest<{ orders: { nodes: { fulfillments: { displayStatus: string; trackingInfo: { number: string }[] }[] }[] } }>(
      demo,
      ACME,
      `{ orders(first: 1, query: "name:'${k.name}'") { nodes { fulfillments { displayStatus trackingInfo { number } } } } }`,
    );
    expect(gql.body.data!.orders.nodes[0]!.fulfillments).toEqual([{ displayStatus: 'IN_TRANSIT', trackingInfo: [{ number: '1Z999AA10123456784' }] }]);

    const cancelled = await demo.cancelOrder(ACME, knownOrder('acme.on_hold').name, 'customer');
    expect(cancelled.order.cancelledAt).not.toBeNull();
    expect(received.slice(-2).map((r) => r.headers['x-shopify-topic'])).toEqual(['orders/cancelled', 'orders/updated']);
  });
});
