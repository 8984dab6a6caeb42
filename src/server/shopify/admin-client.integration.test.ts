import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoShop, type DemoShop } from '../../../demo-shop/server';
import { ACME, NORDIC } from '../../../demo-shop/shops';
import { knownOrder } from '../../../demo-shop/seed/known-orders';
import type { KeyValueStore } from '../cache/key-value-store';
import { MemoryStore } from '../cache/memory-store';
import { RedisStore } from '../cache/redis-store';
import type { Logger } from '../logger';
import { createShopifyAdminClient, ShopifyError, type ShopCredentials, type ShopifyAdminClientDeps } from './admin-client';

const REDIS_URL = 'redis://127.0.0.1:6379';
let demo: DemoShop;
const opened: KeyValueStore[] = [];

function credentials(domain: string): ShopCredentials {
  const info = demo.shops.find((s) => s.domain === domain);
  if (!info) throw new Error(`no demo shop ${domain}`);
  return { shopId: String(info.shopId), domain, apiOrigin: info.origin, accessToken: info.accessToken };
}

function recordingLogger() {
  const lines: string[] = [];
  const log = (message: string, fields?: Record<string, unknown>) => void lines.push(JSON.stringify({ message, ...fields }));
  const logger: Logger = { debug: () => {}, info: log, warn: log, error: log };
  return { logger, lines };
}

function client(overrides: Partial<ShopifyAdminClientDeps> = {}) {
  const { logger, lines } = recordingLogger();
  const shopify = createShopifyAdminClient({ store: new MemoryStore(), logger, apiVersion: '2025-01', timeoutMs: 2000, ...overrides });
  return { shopify, lines };
}

const graphqlCalls = (domain = ACME) => demo.requestLog.filter((entry) => entry.kind === 'graphql' && entry.shop === domain);
const noSleep = async () => {};

beforeAll(async () => {
  demo = await startDemoShop({ port: 0 });
});
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await demo.close();
});
beforeEach(() => {
  demo.setLimits(ACME, { graphql: { max: 2000, rate: 100 } });
  demo.reset();
});

describe('order lookups against the demo shop', () => {
  it('parses a split shipment: carriers, tracking, newest-first events and line items per fulfillment', async () => {
    const { shopify } = client();
    const fixture = knownOrder('acme.split_shipment');
    const candidates = await shopify.findOrdersByName(credentials(ACME), fixture.name);
    const order = candidates.find((candidate) => candidate.name === fixture.name);
    expect(order?.email).toBe(fixture.email);
    expect(order?.fulfillments).toHaveLength(2);
    expect(order?.fulfillments.map((f) => f.trackingInfo[0]?.company).sort()).toEqual([...(fixture.carriers ?? [])].sort());
    const lineItemIds = new Set(order?.lineItems.nodes.map((item) => item.id));
    for (const fulfillment of order?.fulfillments ?? []) {
      expect(fulfillment.trackingInfo[0]?.number).toMatch(/\S+/);
      expect(fulfillment.events.nodes.length).toBeGreaterThan(0);
      const times = fulfillment.events.nodes.map((event) => Date.parse(event.happenedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(fulfillment.fulfillmentLineItems.nodes.length).toBeGreaterThan(0);
      for (const shipped of fulfillment.fulfillmentLineItems.nodes) expect(lineItemIds.has(shipped.lineItem.id)).toBe(true);
    }
    // Each line item ships in exactly one of the two parcels.
    const shippedIds = order?.fulfillments.flatMap((f) => f.fulfillmentLineItems.nodes.map((n) => n.lineItem.id)) ?? [];
    expect(new Set(shippedIds).size).toBe(shippedIds.length);
    expect(graphqlCalls()).toHaveLength(1);
  });

  it('looks up by id, email (paged) and customer; unknown ids are null; shop info resolves', async () => {
    const { shopify } = client();
    const shop = credentials(ACME);
    const [order] = await shopify.findOrdersByName(shop, knownOrder('acme.in_transit').name);
    expect(order).toBeDefined();
    expect((await shopify.getOrder(shop, order!.legacyResourceId))?.name).toBe(order!.name);
    expect(await shopify.getOrder(shop, '1')).toBeNull();
    expect(await shopify.getOrder(shop, 'not-a-number')).toBeNull();

    const first = await shopify.findOrdersByEmail(shop, 'jane.doe@example.com', { first: 2 });
    expect(first.orders).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await shopify.findOrdersByEmail(shop, 'jane.doe@example.com', { first: 5, after: first.nextCursor! });
    const names = [...first.orders, ...second.orders].map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['#1282', '#1280', '#1001']));

    const byCustomer = await shopify.findOrdersByCustomer(shop, order!.customer!.id);
    expect(byCustomer.orders.every((o) => o.customer?.id === order!.customer!.id)).toBe(true);
    expect(byCustomer.orders.length).toBeGreaterThan(0);

    const info = await shopify.fetchShopInfo({ ...shop, apiOrigin: `${shop.apiOrigin}/` });
    expect(info).toEqual({
      name: 'Acme Outdoors',
      domain: ACME,
      ianaTimezone: 'America/New_York',
      currencyCode: 'USD',
      sampleOrderName: expect.stringMatching(/^#\d+$/),
    });
  });

  it('tolerates fulfillment statuses newer than the 2025-01 enums', async () => {
    const { shopify } = client();
    const fixture = knownOrder('acme.confirmed');
    await demo.addFulfillmentEvent(ACME, fixture.name, { status: 'carrier_picked_up', message: 'Picked up' });
    const [order] = await shopify.findOrdersByName(credentials(ACME), fixture.name);
    expect(order?.fulfillments.at(-1)?.events.nodes[0]?.status).toBe('CARRIER_PICKED_UP');
  });
});

describe('failures', () => {
  it('retries THROTTLED after the wait throttleStatus implies, then succeeds', async () => {
    demo.setLimits(ACME, { graphql: { max: 2000, rate: 1000 } });
    demo.drainGraphqlBucket(ACME);
    const { shopify } = client();
    const order = await shopify.getOrder(credentials(ACME), String(demo.data.findOrder(ACME, '#1282')!.id));
    expect(order?.name).toBe('#1282');
    const calls = graphqlCalls();
    expect(calls.map((c) => c.throttled)).toEqual([true, false]);
    // 61 requested points at 1000/s from empty: at least ~61 ms between the two calls.
    expect(Date.parse(calls[1]!.at) - Date.parse(calls[0]!.at)).toBeGreaterThanOrEqual(50);
  });

  it('gives up at once with `throttled` when the shop would need longer than maxThrottleWaitMs', async () => {
    demo.drainGraphqlBucket(ACME); // 185 points at 100/s = 1.85 s > 1 s
    const { shopify } = client({ maxThrottleWaitMs: 1000 });
    const started = Date.now();
    const error = await shopify.findOrdersByName(credentials(ACME), '#1282').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyError);
    expect(error).toMatchObject({ kind: 'throttled', shopDomain: ACME });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(graphqlCalls()).toHaveLength(1);
  });

  it('5xx: a typed error after exactly maxAttempts calls', async () => {
    demo.controls.set({ errorNext: 10, errorStatus: 503 }, ACME);
    const { shopify, lines } = client({ maxAttempts: 4, sleep: noSleep });
    await expect(shopify.fetchShopInfo(credentials(ACME))).rejects.toMatchObject({ kind: 'unavailable', status: 503 });
    expect(graphqlCalls()).toHaveLength(4);
    expect(lines.join('\n')).toContain(ACME);
    expect(lines.join('\n')).not.toContain(credentials(ACME).accessToken);
  });

  it('recovers when a 5xx is followed by a good answer', async () => {
    demo.controls.set({ errorNext: 1 }, ACME);
    const { shopify } = client({ sleep: noSleep });
    await expect(shopify.fetchShopInfo(credentials(ACME))).resolves.toMatchObject({ domain: ACME });
    expect(graphqlCalls()).toHaveLength(2);
  });

  it('timeouts: a typed error after exactly maxAttempts calls', async () => {
    demo.controls.set({ timeoutNext: 10 }, ACME);
    const { shopify } = client({ timeoutMs: 150, sleep: noSleep });
    await expect(shopify.fetchShopInfo(credentials(ACME))).rejects.toMatchObject({ kind: 'timeout', shopDomain: ACME });
    expect(graphqlCalls()).toHaveLength(3);
  });

  it('401: unauthorized without retry, and the token is nowhere in the error or logs', async () => {
    const { shopify, lines } = client();
    const shop = { ...credentials(ACME), accessToken: 'shpat_wrong_token_123' };
    const error = (await shopify.fetchShopInfo(shop).catch((e: unknown) => e)) as ShopifyError;
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(demo.requestLog.filter((entry) => entry.kind === 'graphql')).toHaveLength(1);
    expect(`${error.message}\n${lines.join('\n')}`).not.toContain('shpat_wrong_token_123');
  });

  it("another shop's token is rejected (401) at this shop's origin", async () => {
    const { shopify } = client();
    const shop = { ...credentials(ACME), accessToken: credentials(NORDIC).accessToken };
    await expect(shopify.fetchShopInfo(shop)).rejects.toMatchObject({ kind: 'unauthorized' });
  });

  it('malformed JSON: retried once, then bad_response', async () => {
    demo.controls.set({ malformedNext: 10 }, ACME);
    const { shopify } = client();
    await expect(shopify.fetchShopInfo(credentials(ACME))).rejects.toMatchObject({ kind: 'bad_response' });
    expect(graphqlCalls()).toHaveLength(2);
  });
});

describe("the budget follows each shop's plan (throttleStatus)", () => {
  // Standard, Advanced, Plus, enterprise: restore rate and bucket size per Shopify's plans.
  const PLANS = [
    { rate: 100, max: 2000 },
    { rate: 200, max: 4000 },
    { rate: 1000, max: 20_000 },
    { rate: 2000, max: 40_000 },
  ];

  it.each(PLANS)('no cold lookup is refused while a $rate points/s shop still has points', async ({ rate, max }) => {
    demo.setLimits(ACME, { graphql: { max, rate } });
    // A short answer-time budget: no shopper may be refused for a wait that Shopify itself would not impose.
    // The test server answers ~190 concurrent lookups on a possibly busy CI machine; this test is about throttling,
    // so the per-request timeout is generous and a throttle wait is what would refuse a shopper.
    const { shopify } = client({ maxThrottleWaitMs: 1500, timeoutMs: 15_000 });
    const shop = credentials(ACME);
    const name = knownOrder('acme.in_transit').name;
    // Waves of concurrent cold lookups, each wave as many as the shop's bucket holds at the requested cost:
    // Shopify serves all of them, so the app must too (the first wave runs before the plan is learned).
    const perWave = Math.floor(max / 215);
    for (let wave = 0; wave < 2; wave++) {
      const results = await Promise.allSettled(Array.from({ length: perWave }, () => shopify.findOrdersByName(shop, name)));
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    }
    expect(graphqlCalls().filter((c) => c.throttled)).toHaveLength(0);
  });

  it('at real exhaustion the answer is honest and quick: a typed `throttled`, not a hang', async () => {
    demo.setLimits(ACME, { graphql: { max: 2000, rate: 10 } });
    demo.drainGraphqlBucket(ACME);
    // "Quick" is counted, not timed: the waits the client asks for stay within its budget of 1000 ms per lookup.
    const waits: number[] = [];
    const { shopify } = client({ maxThrottleWaitMs: 1000, sleep: (ms) => (waits.push(ms), new Promise((resolve) => setTimeout(resolve, ms))) });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => shopify.findOrdersByName(credentials(ACME), '#1282')));
    expect(results.every((r) => r.status === 'rejected' && (r.reason as ShopifyError).kind === 'throttled')).toBe(true);
    expect(waits.every((ms) => ms <= 1000)).toBe(true);
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(5 * 1000);
  });
});

describe('the shared per-shop budget', () => {
  const BUCKET = { capacity: 5, refillPerSecond: 20 };
  const CALLS_PER_INSTANCE = 12;

  async function burst(stores: [KeyValueStore, KeyValueStore]) {
    // The shop's bucket is a little roomier than the clients' shared one, so scheduling jitter between
    // reserving tokens and the request reaching the shop cannot by itself cause a THROTTLED.
    demo.setLimits(ACME, { graphql: { max: 10, rate: 25 } });
    const clients = stores.map((store) => client({ store, bucket: BUCKET, maxThrottleWaitMs: 20_000, maxAttempts: 6 }).shopify);
    const shop = credentials(ACME);
    const results = await Promise.allSettled(clients.flatMap((c) => Array.from({ length: CALLS_PER_INSTANCE }, () => c.fetchShopInfo(shop))));
    const calls = graphqlCalls().map((entry) => ({ at: Date.parse(entry.at), throttled: entry.throttled }));
    // Most calls that started within any 300 ms window (a full bucket plus what refills meanwhile).
    const busiest = Math.max(...calls.map((c) => calls.filter((d) => d.at >= c.at && d.at < c.at + 300).length));
    return { results, calls, busiest };
  }

  it('two instances on one Redis store never exceed the shop bucket together', async () => {
    const prefix = `test:shopify:${randomUUID()}:`;
    const stores: [RedisStore, RedisStore] = [new RedisStore(REDIS_URL, prefix), new RedisStore(REDIS_URL, prefix)];
    opened.push(...stores);
    await Promise.all(stores.map((store) => store.ready()));
    const { results, calls, busiest } = await burst(stores);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(calls.filter((c) => c.throttled)).toHaveLength(0);
    expect(calls).toHaveLength(2 * CALLS_PER_INSTANCE);
    expect(busiest).toBeLessThanOrEqual(BUCKET.capacity + BUCKET.refillPerSecond * 0.3 + 1);
  });

  it('control: two instances with private buckets overrun the shop (so the test above is meaningful)', async () => {
    const { calls } = await burst([new MemoryStore(), new MemoryStore()]);
    expect(calls.filter((c) => c.throttled).length).toBeGreaterThan(0);
  });

  it('Redis unreachable: calls still succeed on a per-process bucket, with a warning', async () => {
    const down = new RedisStore('redis://127.0.0.1:1', `test:shopify:${randomUUID()}:`);
    opened.push(down);
    const { shopify, lines } = client({ store: down });
    await expect(shopify.fetchShopInfo(credentials(ACME))).resolves.toMatchObject({ domain: ACME });
    await expect(shopify.findOrdersByName(credentials(ACME), '#1282')).resolves.toHaveLength(1);
    expect(lines.some((line) => line.includes('bucket store unavailable'))).toBe(true);
  });
});
