import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest } from './client';
import { knownOrder } from './seed/known-orders';
import { startDemoShop, type DemoShop } from './server';
import { ACME, NORDIC } from './shops';

type Payload = {
  webhookSubscription: { id: string; topic: string; endpoint: { callbackUrl?: string } } | null;
  userErrors: { field: string[] | null; message: string }[];
};

const received: string[] = [];
const receiver = createServer((req, res) => {
  received.push(String(req.headers['x-shopify-topic']));
  req.resume();
  req.on('end', () => res.end('ok'));
});
let demo: DemoShop;
let strict: DemoShop;
let hookUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  demo = await startDemoShop({ port: 0 });
  strict = await startDemoShop({ port: 0, allowLoopbackHttpCallbacks: false });
});
afterAll(async () => {
  await demo?.close();
  await strict?.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const CREATE = `mutation create($topic: WebhookSubscriptionTopic!, $url: URL!) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: { callbackUrl: $url, format: JSON }) {
    webhookSubscription { id topic endpoint { ... on WebhookHttpEndpoint { callbackUrl } } }
    userErrors { field message }
  }
}`;
const create = async (shop: DemoShop, domain: string, topic: string, url: string) => {
  const response = await graphqlRequest<{ webhookSubscriptionCreate: Payload }>(shop, domain, CREATE, { topic, url });
  expect(response.body.errors).toBeUndefined();
  return { payload: response.body.data!.webhookSubscriptionCreate, cost: response.body.extensions!.cost! };
};
const list = async (domain: string) =>
  (
    await graphqlRequest<{ webhookSubscriptions: { nodes: { id: string; topic: string; endpoint: { __typename: string; callbackUrl: string } }[] } }>(
      demo,
      domain,
      '{ webhookSubscriptions(first: 50) { nodes { id topic endpoint { __typename ... on WebhookHttpEndpoint { callbackUrl } } } } }',
    )
  ).body.data!.webhookSubscriptions.nodes;

describe('webhook subscriptions over the Admin API', () => {
  it("creates, lists, refuses a duplicate with Shopify's userError, moves and deletes", async () => {
    const first = await create(demo, NORDIC, 'ORDERS_CREATE', 'https://app.example.com/api/webhooks/shopify');
    expect(first.payload.userErrors).toEqual([]);
    // 10 for the mutation + payload, subscription, endpoint and userErrors objects.
    expect(first.cost).toMatchObject({ requestedQueryCost: 14, actualQueryCost: 12 });
    const id = first.payload.webhookSubscription!.id;
    expect(id).toMatch(/^gid:\/\/shopify\/WebhookSubscription\/\d+$/);

    const again = await create(demo, NORDIC, 'ORDERS_CREATE', 'https://app.example.com/api/webhooks/shopify');
    expect(again.payload).toEqual({
      webhookSubscription: null,
      userErrors: [{ field: ['webhookSubscription', 'callbackUrl'], message: 'Address for this topic has already been taken' }],
    });

    demo.subscribeWebhook({ shop: NORDIC, topic: 'orders/create', callbackUrl: 'https://someone-else.example.com/in', app: 'another-app' });
    expect(await list(NORDIC)).toEqual([
      { id, topic: 'ORDERS_CREATE', endpoint: { __typename: 'WebhookHttpEndpoint', callbackUrl: 'https://app.example.com/api/webhooks/shopify' } },
    ]);

    const moved = await graphqlRequest<{ webhookSubscriptionUpdate: Payload }>(
      demo,
      NORDIC,
      'mutation m($id: ID!, $url: URL!) { webhookSubscriptionUpdate(id: $id, webhookSubscription: { callbackUrl: $url }) { webhookSubscription { id topic endpoint { ... on WebhookHttpEndpoint { callbackUrl } } } userErrors { field message } } }',
      { id, url: 'https://new.example.com/api/webhooks/shopify' },
    );
    expect(moved.body.data!.webhookSubscriptionUpdate.webhookSubscription!.endpoint.callbackUrl).toBe('https://new.example.com/api/webhooks/shopify');

    const remove = 'mutation d($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { field message } } }';
    const deleted = await graphqlRequest<{ webhookSubscriptionDelete: { deletedWebhookSubscriptionId: string | null; userErrors: unknown[] } }>(
      demo,
      NORDIC,
      remove,
      { id },
    );
    expect(deleted.body.data!.webhookSubscriptionDelete).toEqual({ deletedWebhookSubscriptionId: id, userErrors: [] });
    const twice = await graphqlRequest<{ webhookSubscriptionDelete: { userErrors: { message: string }[] } }>(demo, NORDIC, remove, { id });
    expect(twice.body.data!.webhookSubscriptionDelete.userErrors[0]!.message).toBe('Webhook subscription does not exist');
    expect(await list(NORDIC)).toEqual([]);
  });

  it('refuses http:// addresses like Shopify, except loopback ones in local mode', async () => {
    const refused = await create(demo, NORDIC, 'ORDERS_PAID', 'http://app.example.com/api/webhooks/shopify');
    expect(refused.payload.userErrors).toEqual([{ field: ['webhookSubscription', 'callbackUrl'], message: 'Address protocol http:// is not supported' }]);
    expect((await create(demo, NORDIC, 'ORDERS_PAID', 'http://localhost:3000/api/webhooks/shopify')).payload.userErrors).toEqual([]);
    expect((await create(strict, NORDIC, 'ORDERS_PAID', 'http://localhost:3000/api/webhooks/shopify')).payload.userErrors[0]!.message).toBe(
      'Address protocol http:// is not supported',
    );
  });

  it('rejects topics that cannot be subscribed through the API (compliance topics) at validation', async () => {
    const response = await graphqlRequest(demo, NORDIC, CREATE, { topic: 'CUSTOMERS_REDACT', url: 'https://app.example.com/x' });
    expect(response.body.errors?.length).toBeGreaterThan(0);
  });

  it('delivers each topic only to the addresses subscribed to it', async () => {
    expect((await create(demo, ACME, 'ORDERS_CANCELLED', hookUrl)).payload.userErrors).toEqual([]);
    received.length = 0;
    const fulfilled = await demo.fulfillOrder(ACME, knownOrder('acme.unfulfilled').name, { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' });
    expect(fulfilled.deliveries).toEqual([]);
    const cancelled = await demo.cancelOrder(ACME, knownOrder('acme.on_hold').name, 'customer');
    expect(cancelled.payloads.map(([topic]) => topic)).toEqual(['orders/cancelled', 'orders/updated']);
    expect(cancelled.deliveries.map((delivery) => [delivery.url, delivery.status])).toEqual([[hookUrl, 200]]);
    expect(received).toEqual(['orders/cancelled']);
  });
});

describe('other mutations', () => {
  it('answer NOT_IMPLEMENTED rather than a silent null', async () => {
    const response = await graphqlRequest(
      demo,
      NORDIC,
      'mutation { orderCancel(orderId: "gid://shopify/Order/1", reason: CUSTOMER, refund: false, restock: false) { userErrors { message } } }',
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe('NOT_IMPLEMENTED');
  });
});
