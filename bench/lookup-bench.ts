/**
 * Order fetch and verification latency against the demo shop over HTTP, on embedded defaults (or on
 * PostgreSQL/Redis when BENCH_DATABASE_URL / BENCH_REDIS_URL are set). The demo shop's rate limits are
 * raised here so the numbers show our latency, not Shopify's budget (that is bench:load's subject).
 */
import { startDemoShop } from '../demo-shop/server';
import { KNOWN_ORDERS } from '../demo-shop/seed/known-orders';
import { parseEnv } from '../src/env';
import { createServices } from '../src/server/services';
import { createShopifyAdminClient } from '../src/server/shopify/admin-client';
import { connectShop } from '../src/domain/shops/connect-shop';
import { connectShopDeps } from '../src/server/wiring/shop-deps';
import { getOrderRecord } from '../src/domain/orders/lookup-order';
import { verifyOrder } from '../src/domain/verification/verify-order';
import { orderLookupDeps, verifyOrderDeps } from '../src/server/wiring/order-deps';
import { orderCacheKey } from '../src/domain/orders/order-cache-keys';
import { MemoryStore } from '../src/server/cache/memory-store';
import { createSafeCache } from '../src/server/cache/safe-cache';
import { printTable, summarize, timed, type Row } from './bench-kit';

const ACME = 'acme-outdoors.myshopify.com';
const unlimited = { max: 1_000_000, rate: 1_000_000 };

export async function runLookupBench(): Promise<void> {
  const demo = await startDemoShop({ port: 0, shops: { [ACME]: { graphqlBucket: unlimited, restBucket: unlimited } } });
  const env = parseEnv({
    NODE_ENV: 'test',
    APP_SECRET: 'bench-secret-0123456789abcdef0123456789abcdef',
    PGLITE_DIR: 'memory://',
    DATABASE_URL: process.env.BENCH_DATABASE_URL,
    REDIS_URL: process.env.BENCH_REDIS_URL,
    REDIS_PREFIX: `osa-bench-${Date.now()}:`,
    LOG_LEVEL: 'silent',
    VERIFY_MAX_FAILURES_PER_SESSION: '1000000',
    VERIFY_MAX_FAILURES_PER_CLIENT: '1000000',
    VERIFY_MAX_FAILURES_PER_ORDER: '1000000',
  });
  const base = await createServices(env);
  const shopify = createShopifyAdminClient({
    store: base.store,
    logger: base.logger,
    apiVersion: env.SHOPIFY_API_VERSION,
    timeoutMs: 8000,
    bucket: { capacity: 1_000_000, refillPerSecond: 1_000_000 },
  });
  const services = { ...base, shopify };
  const info = demo.shops.find((shop) => shop.domain === ACME)!;
  const connected = await connectShop(connectShopDeps(services), { domain: ACME, token: info.accessToken, apiOrigin: info.origin });
  if (!connected.ok) throw new Error(connected.message);
  const shop = connected.shop;
  const credentials = await services.shops.getShopCredentials(shop);
  const orders = demo.data
    .orders(ACME)
    .filter((order) => !order.test && order.email)
    .slice(0, 200);
  const rows: Row[] = [];
  const graphqlCalls = () => demo.requestLog.filter((entry) => entry.kind === 'graphql').length;

  // 1. The Shopify client alone: one GraphQL call per fetch.
  const clientSamples: number[] = [];
  for (const order of orders) clientSamples.push((await timed(() => shopify.getOrder(credentials, String(order.id)))).ms);
  rows.push(summarize('client getOrder over HTTP (cold, 1 call each)', clientSamples));

  // 2. Lookup through the cache: cold (Shopify + snapshot write) then warm (cache only).
  const lookup = orderLookupDeps(services, shop);
  for (const phase of ['cold', 'warm'] as const) {
    if (phase === 'cold') await Promise.all(orders.map((order) => services.cache.delete(orderCacheKey(shop.id, String(order.id)))));
    demo.clearLog();
    const samples: number[] = [];
    for (const order of orders) samples.push((await timed(() => getOrderRecord(lookup, String(order.id)))).ms);
    rows.push(summarize(`order lookup ${phase}`, samples, { shopify_calls_per_lookup: graphqlCalls() / orders.length }));
  }

  // 3. Verify + lookup as a shopper does it (number + email), cold then warm.
  const holder = `bench-holder-${Date.now()}`;
  const verifyDeps = { ...verifyOrderDeps(services, shop, holder, 'api'), minimumFailureMs: 0 };
  for (const phase of ['cold', 'warm'] as const) {
    // Cold: a brand-new cache, so every number costs a Shopify call; warm: the same cache again.
    if (phase === 'cold') verifyDeps.cache = createSafeCache(new MemoryStore(), services.logger);
    const deps = verifyDeps;
    demo.clearLog();
    const samples: number[] = [];
    for (const order of orders.slice(0, 150)) {
      const result = await timed(() =>
        verifyOrder(deps, { reference: order.name, email: order.email!, holderHash: holder, clientAddress: '203.0.113.1', door: 'api' }),
      );
      if (!result.value.ok) throw new Error(`bench verification failed for ${order.name}`);
      samples.push(result.ms);
    }
    rows.push(summarize(`verify + lookup ${phase}`, samples, { shopify_calls_per_lookup: graphqlCalls() / 150 }));
  }

  // 4. Failure timing: the causes must not be told apart (padded to the floor, with jitter).
  const floorDeps = verifyOrderDeps(services, shop, holder, 'api');
  const known = KNOWN_ORDERS.filter((order) => order.shop === ACME && order.email && !order.test);
  const causes: Array<[string, (index: number) => { reference: string; email: string }]> = [
    ['failure: no such order', (index) => ({ reference: `#${90000 + index}`, email: 'jane.doe@example.com' })],
    ['failure: wrong email', (index) => ({ reference: known[index % known.length]!.name, email: `nobody${index}@example.com` })],
    ['failure: other shop’s number', (index) => ({ reference: `NT-${1001 + index}`, email: 'astrid.berg@example.se' })],
  ];
  for (const [name, attempt] of causes) {
    const samples: number[] = [];
    for (let index = 0; index < 40; index += 1) {
      samples.push((await timed(() => verifyOrder(floorDeps, { ...attempt(index), holderHash: holder, clientAddress: '203.0.113.2', door: 'api' }))).ms);
    }
    rows.push(summarize(name, samples));
  }

  printTable('Order lookups against the demo shop over HTTP (npm run bench)', rows);
  await services.close();
  await demo.close();
}
