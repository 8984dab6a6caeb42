import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest } from '../../../demo-shop/client';
import { startDemoShop, type DemoShop } from '../../../demo-shop/server';
import { knownOrder, JANE_EMAIL } from '../../../demo-shop/seed/known-orders';
import { runShopConnect } from '../../../scripts/shop-connect';
import { runShopWebhooks } from '../../../scripts/shop-webhooks';
import { handleShopifyWebhook } from '@/domain/webhooks/handle-shopify-webhook';
import { SUBSCRIBED_TOPICS, topicToGraphqlEnum } from '@/domain/webhooks/webhook-topics';
import type { Services } from '@/server/services';
import { connectDemoShops } from '../../../test/support/connect-demo-shops';
import { createShopperClient } from '../../../test/support/shopper-client';
import { createTestServices } from '../../../test/support/test-services';
import { shopifyWebhookDeps } from '@/server/wiring/webhook-deps';
import { beginInstall } from '@/domain/shops/oauth';
import { finishShopifyInstall } from '../use-cases/shops/finish-shopify-install';
import { oauthAppConfig } from '../wiring/shop-deps';
import { syncWebhookSubscriptions } from './sync-webhook-subscriptions';

const ACME = 'acme-outdoors.myshopify.com';
const NORDIC = 'nordic-threads.myshopify.com';
const TINY = 'tiny-tea.myshopify.com';
const OLD_ADDRESS = 'https://old-host.example.net/api/webhooks/shopify';
const ERP_ADDRESS = 'https://erp.example.org/hooks/shopify';

let demo: DemoShop;
let services: Services;
let server: Server;
let appUrl: string;

// The app's webhook route over real HTTP (raw bytes, then the dispatcher), at APP_URL + /api/webhooks/shopify.
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url !== '/api/webhooks/shopify') return void res.writeHead(404).end();
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      handleShopifyWebhook(shopifyWebhookDeps(services), { method: req.method ?? 'GET', headers, body: new Uint8Array(Buffer.concat(chunks)) })
        .then((result) => res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body)))
        .catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  appUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  demo = await startDemoShop({ port: 0 });
  services = await createTestServices({ APP_URL: appUrl });
});
afterAll(async () => {
  await demo?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await services?.close();
});

const keepOpen = (s: Services) => async () => ({ ...s, close: async () => {} });
const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line: string) => void out.push(line), err: (line: string) => void err.push(line) } };
};
const control = (path: string, body: unknown) =>
  fetch(`${demo.url}/_demo/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => {
    expect(r.status).toBe(200);
    return r.json() as Promise<{ deliveries: { url: string; status: number }[] }>;
  });
const graphqlLog = (shop: string) => demo.requestLog.filter((entry) => entry.kind === 'graphql' && entry.shop === shop);
const ours = (shop: string) => demo.webhookSubscriptions(shop).filter((s) => s.callbackUrl === `${appUrl}/api/webhooks/shopify`);

describe('a shop connected with npm run shop:connect stays fresh through its own subscriptions', () => {
  it('shows a cancellation and a new carrier scan on the next lookup, with nothing pointed at the app by hand', async () => {
    const info = demo.shops.find((s) => s.domain === ACME)!;
    const cli = capture();
    expect(await runShopConnect(['--domain', ACME, '--token', info.accessToken, '--api-origin', info.origin], keepOpen(services), cli.io)).toBe(0);
    expect(cli.err).toEqual([]);
    expect(cli.out.at(-1)).toContain(
      `${SUBSCRIBED_TOPICS.length} topics at ${appUrl}/api/webhooks/shopify (created ${SUBSCRIBED_TOPICS.length}, moved 0, removed 0)`,
    );
    expect(
      ours(ACME)
        .map((s) => s.topic)
        .sort(),
    ).toEqual(SUBSCRIBED_TOPICS.map(topicToGraphqlEnum).sort());

    const shipped = knownOrder('acme.in_transit');
    const waiting = knownOrder('acme.unfulfilled');
    const shopper = createShopperClient(services, { clientAddress: '198.51.100.40' });
    const ids: Record<string, string> = {};
    for (const order of [shipped, waiting]) {
      const verified = await shopper.call((api) => api.orders.verify({ shop: ACME, orderReference: order.name, email: order.email ?? JANE_EMAIL }));
      if (verified.status !== 'verified') throw new Error(`could not verify ${order.name}`);
      ids[order.name] = verified.order.orderId;
    }
    const get = (name: string) => shopper.call((api) => api.orders.get({ shop: ACME, orderId: ids[name]! }));
    // Warm: served from the cache, no Shopify call (so only a webhook can make the next answer fresh).
    demo.clearLog();
    expect((await get(waiting.name)).status).toBe('ok');
    expect(graphqlLog(ACME)).toHaveLength(0);

    const started = Date.now();
    const cancelled = await control('orders/cancel', { shop: ACME, order: waiting.name, reason: 'customer' });
    const scanned = await control('orders/event', {
      shop: ACME,
      order: shipped.name,
      status: 'out_for_delivery',
      city: 'Memphis',
      message: 'Out for delivery',
    });
    for (const delivery of [...cancelled.deliveries, ...scanned.deliveries])
      expect(delivery).toMatchObject({ url: `${appUrl}/api/webhooks/shopify`, status: 200 });
    expect(cancelled.deliveries.length).toBeGreaterThan(0);
    expect(scanned.deliveries.length).toBeGreaterThan(0);

    const afterCancel = await get(waiting.name);
    const afterScan = await get(shipped.name);
    expect(Date.now() - started).toBeLessThan(5000);
    if (afterCancel.status !== 'ok' || afterScan.status !== 'ok') throw new Error('lookup failed');
    expect(afterCancel.order.status).toBe('cancelled');
    expect(afterScan.order.status).toBe('out_for_delivery');
    expect(JSON.stringify(afterScan.order)).toContain('Memphis');
  });
});

describe('reconcile against what a real shop may hold', () => {
  it("leaves other apps' and other addresses' subscriptions alone, moves our stale address, and a second run changes nothing", async () => {
    await connectDemoShops(services, demo, [NORDIC]);
    const otherApp = demo.subscribeWebhook({ shop: NORDIC, topic: 'orders/create', callbackUrl: 'https://other-app.example.com/webhooks', app: 'other-app' });
    const create = (topic: string, url: string) =>
      graphqlRequest<{ webhookSubscriptionCreate: { webhookSubscription: { id: string } | null; userErrors: unknown[] } }>(
        demo,
        NORDIC,
        'mutation c($topic: WebhookSubscriptionTopic!, $url: URL!) { webhookSubscriptionCreate(topic: $topic, webhookSubscription: { callbackUrl: $url }) { webhookSubscription { id } userErrors { field message } } }',
        { topic, url },
      );
    const erp = (await create('ORDERS_UPDATED', ERP_ADDRESS)).body.data!.webhookSubscriptionCreate.webhookSubscription!.id;
    const stale = (await create('ORDERS_CANCELLED', OLD_ADDRESS)).body.data!.webhookSubscriptionCreate.webhookSubscription!.id;
    const before = demo.webhookSubscriptions(NORDIC).length;

    const first = await syncWebhookSubscriptions(services, { id: (await services.shops.findShopByDomain(NORDIC))!.id, domain: NORDIC });
    expect(first).toMatchObject({ ok: true, complete: true, created: SUBSCRIBED_TOPICS.length - 1, moved: 1, removed: 0 });
    expect(first.plan?.foreign).toBe(1);
    const after = demo.webhookSubscriptions(NORDIC);
    expect(after).toHaveLength(before + SUBSCRIBED_TOPICS.length - 1);
    expect(after.find((s) => `gid://shopify/WebhookSubscription/${s.id}` === erp)?.callbackUrl).toBe(ERP_ADDRESS);
    expect(after.find((s) => `gid://shopify/WebhookSubscription/${s.id}` === stale)?.callbackUrl).toBe(`${appUrl}/api/webhooks/shopify`);
    expect(demo.webhookSubscriptions(NORDIC, 'other-app')).toEqual([otherApp]);
    expect(ours(NORDIC)).toHaveLength(SUBSCRIBED_TOPICS.length);

    demo.clearLog();
    const cli = capture();
    expect(await runShopWebhooks(['--domain', NORDIC], keepOpen(services), cli.io)).toBe(0);
    expect(cli.out).toEqual([
      `${NORDIC}: complete at ${appUrl}/api/webhooks/shopify (created 0, moved 0, removed 0, kept ${SUBSCRIBED_TOPICS.length}; 1 other address(es) left alone)`,
    ]);
    expect(graphqlLog(NORDIC).map((entry) => entry.operationName)).toEqual(['listWebhookSubscriptions']);
    expect(demo.webhookSubscriptions(NORDIC)).toEqual(after);
  });

  it('--check reports what is missing without changing anything, then the repair completes it', async () => {
    const shop = (await services.shops.findShopByDomain(ACME))!;
    const removed = ours(ACME).find((s) => s.topic === 'FULFILLMENT_EVENTS_CREATE')!;
    const deleted = await graphqlRequest(
      demo,
      ACME,
      'mutation d($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { message } } }',
      { id: `gid://shopify/WebhookSubscription/${removed.id}` },
    );
    expect(deleted.body.errors).toBeUndefined();
    const check = capture();
    expect(await runShopWebhooks(['--domain', ACME, '--check'], keepOpen(services), check.io)).toBe(1);
    expect(check.out).toEqual([
      `${ACME}: incomplete at ${appUrl}/api/webhooks/shopify (${SUBSCRIBED_TOPICS.length - 1} subscribed)`,
      '  missing   fulfillment_events/create',
    ]);
    expect(ours(ACME)).toHaveLength(SUBSCRIBED_TOPICS.length - 1);
    expect(await runShopWebhooks(['--all'], keepOpen(services), capture().io)).toBe(0);
    expect(ours(ACME)).toHaveLength(SUBSCRIBED_TOPICS.length);
    expect(await syncWebhookSubscriptions(services, shop, { dryRun: true })).toMatchObject({ ok: true, complete: true, missing: [] });
  });

  it('an http:// APP_URL that Shopify refuses is a clear error naming APP_URL, not a crash', async () => {
    const plain = await createTestServices({ APP_URL: 'http://wismo.example.test' });
    try {
      const info = demo.shops.find((s) => s.domain === TINY)!;
      const cli = capture();
      expect(await runShopConnect(['--domain', TINY, '--token', info.accessToken, '--api-origin', info.origin], keepOpen(plain), cli.io)).toBe(1);
      expect(cli.err).toHaveLength(1);
      expect(cli.err[0]).toContain('is connected, but its webhooks are not subscribed (callback_refused)');
      expect(cli.err[0]).toContain('Address protocol http:// is not supported');
      expect(cli.err[0]).toContain('set APP_URL (now http://wismo.example.test)');
      expect(demo.webhookSubscriptions(TINY)).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});

describe('reconcile cost in Shopify query-cost points (as the demo shop charges them)', () => {
  it('a fresh shop: one list + one create per topic; a complete shop: one list', async () => {
    const fresh = await createTestServices({ APP_URL: 'https://wismo.example.com' });
    try {
      const [shop] = (await connectDemoShops(fresh, demo, [TINY])).values();
      demo.clearLog();
      expect(await syncWebhookSubscriptions(fresh, shop!)).toMatchObject({ ok: true, created: SUBSCRIBED_TOPICS.length });
      const firstRun = graphqlLog(TINY);
      demo.clearLog();
      expect(await syncWebhookSubscriptions(fresh, shop!)).toMatchObject({ ok: true, created: 0, moved: 0, removed: 0 });
      const secondRun = graphqlLog(TINY);
      const points = (entries: typeof firstRun) => entries.reduce((sum, entry) => sum + (entry.cost ?? 0), 0);
      console.info(
        `webhook reconcile cost per shop: first run ${firstRun.length} calls / ${points(firstRun)} points, second run ${secondRun.length} call / ${points(secondRun)} points`,
      );
      expect(firstRun.map((entry) => entry.operationName)).toEqual(['listWebhookSubscriptions', ...SUBSCRIBED_TOPICS.map(() => 'createWebhookSubscription')]);
      expect(points(firstRun)).toBe(2 + SUBSCRIBED_TOPICS.length * 12);
      expect(secondRun.map((entry) => entry.operationName)).toEqual(['listWebhookSubscriptions']);
      // The demo charges the connection (2) and each subscription (1); Shopify may also charge each endpoint (+1).
      expect(points(secondRun)).toBe(2 + SUBSCRIBED_TOPICS.length);
    } finally {
      await fresh.close();
    }
  });
});

describe('an OAuth install', () => {
  it('subscribes the shop right after the callback stores it (moving what an older APP_URL left)', async () => {
    const installed = await createTestServices({
      APP_URL: 'https://install.example.com',
      SHOPIFY_ADMIN_ORIGIN: `${demo.url}/shops/{shop}`,
      SHOPIFY_API_KEY: demo.clientId,
      SHOPIFY_API_SECRET: demo.clientSecret,
    });
    try {
      const begun = beginInstall(oauthAppConfig(installed), new URLSearchParams({ shop: NORDIC }));
      if (!begun.ok) throw new Error(begun.message);
      const callback = new URL((await fetch(begun.redirectUrl, { redirect: 'manual' })).headers.get('location')!);
      const result = await finishShopifyInstall(installed, { query: callback.searchParams, stateCookie: begun.cookie.value, headers: new Headers() });
      expect(result.ok).toBe(true);
      const subscribed = demo.webhookSubscriptions(NORDIC).filter((s) => s.callbackUrl === 'https://install.example.com/api/webhooks/shopify');
      expect(subscribed.map((s) => s.topic).sort()).toEqual(SUBSCRIBED_TOPICS.map(topicToGraphqlEnum).sort());
    } finally {
      await installed.close();
    }
  });
});
