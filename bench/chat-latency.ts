/**
 * Chat reply latency (chat.send through the tRPC caller, stored on embedded defaults) for a WISMO message
 * that carries order number + email: cold cache (one Shopify call to the demo shop) and warm, with the
 * deterministic engine and with the scripted local OpenAI-compatible model (two completions: verify_order,
 * then text). Then the messages per second one process sustains on follow-up questions.
 * Run: npx tsx bench/chat-latency.ts   (CHAT_BENCH_N=40 to change the sample size)
 */
import { startDemoShop } from '../demo-shop/server';
import { knownOrder } from '../demo-shop/seed/known-orders';
import { parseEnv } from '../src/env';
import { createServices, type Services } from '../src/server/services';
import { createShopifyAdminClient } from '../src/server/shopify/admin-client';
import { connectShop } from '../src/domain/shops/connect-shop';
import { connectShopDeps } from '../src/server/wiring/shop-deps';
import { orderCacheKey, orderNameCacheKey } from '../src/domain/orders/order-cache-keys';
import { createShopperClient } from '../test/support/shopper-client';
import { startFakeOpenAi } from '../test/support/fake-openai-server';
import { printTable, summarize, timed, type Row } from './bench-kit';

const ACME = 'acme-outdoors.myshopify.com';
const unlimited = { max: 1_000_000, rate: 1_000_000 };
const N = Number(process.env.CHAT_BENCH_N ?? 40);
const ORDERS = ['acme.in_transit', 'acme.out_for_delivery', 'acme.split_shipment', 'acme.partially_fulfilled', 'acme.delivered'].map(knownOrder);

async function servicesFor(extra: Record<string, string>): Promise<Services> {
  const env = parseEnv({
    NODE_ENV: 'test',
    APP_SECRET: 'bench-secret-0123456789abcdef0123456789abcdef',
    PGLITE_DIR: 'memory://',
    REDIS_PREFIX: `osa-chat-bench-${Date.now()}:`,
    LOG_LEVEL: 'silent',
    // The shopper client plays the one proxy in front, naming each simulated shopper in X-Forwarded-For.
    TRUSTED_PROXIES: '1',
    ...extra,
  });
  const base = await createServices(env);
  const shopify = createShopifyAdminClient({
    store: base.store,
    logger: base.logger,
    apiVersion: env.SHOPIFY_API_VERSION,
    timeoutMs: 8000,
    bucket: { capacity: 1_000_000, refillPerSecond: 1_000_000 },
  });
  return { ...base, shopify };
}

let address = 0;
const client = (services: Services) =>
  createShopperClient(services, { clientAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${(address += 1) & 255}` });

async function wismoSamples(services: Services, shopId: string, options: { cold: boolean; beforeSend?: () => void }): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < N; index += 1) {
    const order = ORDERS[index % ORDERS.length]!;
    if (options.cold) {
      const id = (await services.cache.getJson<string[]>(orderNameCacheKey(shopId, String(order.orderNumber)))) ?? [];
      await Promise.all([
        ...id.map((i) => services.cache.delete(orderCacheKey(shopId, i))),
        services.cache.delete(orderNameCacheKey(shopId, String(order.orderNumber))),
      ]);
    }
    const shopper = client(services);
    const { conversationId } = await shopper.call((api) => api.chat.start({ shop: ACME, door: 'widget' }));
    options.beforeSend?.();
    const { ms, value } = await timed(() =>
      shopper.call((api) => api.chat.send({ conversationId, text: `hi, where is order ${order.name}? my email is ${order.email}` })),
    );
    if (!value.messages[0]?.cards.some((card) => card.type === 'order')) throw new Error('bench reply without an order card');
    samples.push(ms);
  }
  return samples;
}

async function throughput(services: Services, seconds: number, concurrency: number): Promise<Row> {
  const sessions = await Promise.all(
    Array.from({ length: concurrency }, async (_, index) => {
      const order = ORDERS[index % ORDERS.length]!;
      const shopper = client(services);
      const { conversationId } = await shopper.call((api) => api.chat.start({ shop: ACME, door: 'widget' }));
      await shopper.call((api) => api.chat.send({ conversationId, text: `${order.name} ${order.email}` }));
      return { shopper, conversationId, sent: 0 };
    }),
  );
  const questions = ['when will it arrive?', 'tracking?', "what's in it?", 'where is it now?'];
  let done = 0;
  const deadline = performance.now() + seconds * 1000;
  const startedAt = performance.now();
  await Promise.all(
    sessions.map(async (session) => {
      while (performance.now() < deadline) {
        // Per-conversation limit is 30/min: rotate to a fresh conversation before hitting it.
        if (session.sent >= 28) {
          session.conversationId = (await session.shopper.call((api) => api.chat.start({ shop: ACME, door: 'widget' }))).conversationId;
          session.sent = 0;
        }
        await session.shopper.call((api) => api.chat.send({ conversationId: session.conversationId, text: questions[done % questions.length]! }));
        session.sent += 1;
        done += 1;
      }
    }),
  );
  const elapsed = (performance.now() - startedAt) / 1000;
  return { measure: `follow-ups, ${concurrency} concurrent sessions, deterministic, warm`, messages: done, seconds: elapsed, messages_per_s: done / elapsed };
}

const demo = await startDemoShop({ port: 0, shops: { [ACME]: { graphqlBucket: unlimited, restBucket: unlimited } } });
const model = await startFakeOpenAi();
const deterministic = await servicesFor({});
const withModel = await servicesFor({ OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: model.url, OPENAI_MODEL: 'fake' });
const info = demo.shops.find((shop) => shop.domain === ACME)!;
const shopIds = new Map<Services, string>();
for (const services of [deterministic, withModel]) {
  const connected = await connectShop(connectShopDeps(services), { domain: info.domain, token: info.accessToken, apiOrigin: info.origin });
  if (!connected.ok) throw new Error(connected.message);
  shopIds.set(services, connected.shop.id);
}
const scriptModel = () =>
  model.script({ toolCalls: [{ name: 'verify_order', arguments: {} }] }, { content: 'Here is your order: the card below has the details and tracking.' });

// Warm-up: JIT, PGlite, first connections.
await wismoSamples(deterministic, shopIds.get(deterministic)!, { cold: false });

const rows: Row[] = [
  summarize('WISMO, deterministic, cold cache', await wismoSamples(deterministic, shopIds.get(deterministic)!, { cold: true })),
  summarize('WISMO, deterministic, warm cache', await wismoSamples(deterministic, shopIds.get(deterministic)!, { cold: false })),
  summarize('WISMO, scripted model, cold cache', await wismoSamples(withModel, shopIds.get(withModel)!, { cold: true, beforeSend: scriptModel })),
  summarize('WISMO, scripted model, warm cache', await wismoSamples(withModel, shopIds.get(withModel)!, { cold: false, beforeSend: scriptModel })),
];
printTable(`Chat reply latency (chat.send, n=${N} each, ${deterministic.dbKind}, ${deterministic.store.kind} store)`, rows);
printTable('Chat throughput (one process, in-process tRPC caller)', [await throughput(deterministic, 5, 16)]);

await deterministic.close();
await withModel.close();
await model.close();
await demo.close();
