/**
 * `npm run bench:load`: the real app over HTTP, two `next start` instances sharing one PostgreSQL and one
 * Redis behind a round-robin proxy (bench/load-cluster.ts). Needs a production build (`npx next build`).
 *   --only knee,faults,redis,pg-down,memory,cold   --shoppers 200 --fault-seconds 60 --level-seconds 6
 *   --cold-shoppers 40 --cold-seconds 60 --cold-think-ms 2000
 *   --memory-messages 100000 --memory-seconds 180 --memory-workers 16 --instances 2 --base-port 3400
 * Every loop is bounded in count and time; all targets are 127.0.0.1.
 */
import { parseArgs } from 'node:util';
import { KNOWN_ORDERS, type KnownOrder } from '../demo-shop/seed/known-orders';
import { printTable, type Row } from './bench-kit';
import { startCluster, type Cluster } from './load-cluster';
import { coldLoad } from './load-cold';
import { Shopper, Tally } from './load-shopper';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'knee,faults,redis,memory,cold' },
    shoppers: { type: 'string', default: '200' },
    'fault-seconds': { type: 'string', default: '60' },
    'level-seconds': { type: 'string', default: '6' },
    'cold-shoppers': { type: 'string', default: '40' },
    'cold-seconds': { type: 'string', default: '60' },
    'cold-think-ms': { type: 'string', default: '2000' },
    'memory-messages': { type: 'string', default: '100000' },
    'memory-seconds': { type: 'string', default: '180' },
    'memory-workers': { type: 'string', default: '16' },
    instances: { type: 'string', default: '2' },
    'base-port': { type: 'string', default: '3400' },
  },
});
const only = new Set(values.only.split(','));
const num = (value: string, min: number, max: number) => Math.min(max, Math.max(min, Number(value) || min));

const ORDERS: KnownOrder[] = KNOWN_ORDERS.filter((order) => order.email && !order.test && order.state !== 'pos_pickup');
const FOLLOW_UPS = ['where is my order?', 'when will it arrive?', 'what is the tracking number?', "what's in my order?"];
const MESSAGES_PER_CONVERSATION = 25; // the app allows 30 per minute per conversation
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
let addressCounter = 0;
const newAddress = () => `10.${(++addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;

/** A verified chat: start, then one message with number and email. Untimed setup for the warm measures. */
async function verifiedConversation(baseUrl: string, order = pick(ORDERS), tally?: Tally) {
  const shopper = new Shopper(baseUrl, newAddress());
  const started = await shopper.call('chat.start', { shop: order.shop, door: 'api' }, 'mutation', tally);
  const conversationId = started.data.conversationId as string | undefined;
  if (!conversationId) return null;
  await shopper.call('chat.send', { conversationId, text: `Hi, where is order ${order.name}? My email is ${order.email}` }, 'mutation', tally);
  return { shopper, conversationId };
}

/** Closed loop of `workers` shoppers sending follow-ups to warm, verified chats until the deadline. */
async function warmChatLoad(cluster: Cluster, workers: number, seconds: number, maxMessages: number, tally: Tally, onMessage?: () => void) {
  const deadline = Date.now() + seconds * 1000;
  let sent = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < deadline && sent < maxMessages) {
        const chat = await verifiedConversation(cluster.proxyUrl);
        if (!chat) {
          await sleep(100);
          continue;
        }
        for (let i = 0; i < MESSAGES_PER_CONVERSATION && Date.now() < deadline && sent < maxMessages; i++) {
          sent++;
          await chat.shopper.call('chat.send', { conversationId: chat.conversationId, text: FOLLOW_UPS[i % FOLLOW_UPS.length] }, 'mutation', tally);
          onMessage?.();
        }
      }
    }),
  );
  return sent;
}

async function knee(cluster: Cluster): Promise<Row[]> {
  for (const order of ORDERS) await verifiedConversation(cluster.proxyUrl, order); // warm every order's cache entry
  await warmChatLoad(cluster, 8, 8, 5_000, new Tally()); // JIT and connection pools warm, not measured
  const rows: Row[] = [];
  for (const concurrency of [1, 4, 16, 32, 64]) {
    const tally = new Tally();
    const seconds = num(values['level-seconds'], 2, 30);
    await warmChatLoad(cluster, concurrency, seconds, 50_000, tally);
    const row = tally.row(`warm chat reply, ${concurrency} concurrent`, { 'msg/s': tally.latencies.length / seconds });
    rows.push(row);
    console.log(JSON.stringify(row));
    if (Number(row.p95_ms) > 100) break; // the knee
  }
  return rows;
}

/** One shopper's visit: a chat (verify + follow-ups) or the tracking page (orders.verify + orders.get). */
async function visit(baseUrl: string, tally: Tally) {
  const order = pick(ORDERS);
  if (Math.random() < 0.5) {
    const chat = await verifiedConversation(baseUrl, order, tally);
    if (!chat) return;
    for (const text of FOLLOW_UPS.slice(0, 2)) await chat.shopper.call('chat.send', { conversationId: chat.conversationId, text }, 'mutation', tally);
    return;
  }
  const shopper = new Shopper(baseUrl, newAddress());
  const verified = await shopper.call('orders.verify', { shop: order.shop, orderReference: order.name, email: order.email, door: 'page' }, 'mutation', tally);
  const orderId = (verified.data.order as { orderId?: string } | undefined)?.orderId;
  if (!orderId) return;
  for (let i = 0; i < 2; i++) await shopper.call('orders.get', { shop: order.shop, orderId, door: 'page' }, 'query', tally);
}

/** Carrier scans arriving: each fires orders/updated + fulfillment webhooks at the app, which drop cached entries. */
async function webhookDriver(cluster: Cluster, deadline: number, counter: { sent: number }) {
  const shipped = ORDERS.filter((order) => ['in_transit', 'out_for_delivery', 'partially_fulfilled'].includes(order.state));
  while (Date.now() < deadline && counter.sent < 10_000) {
    const order = pick(shipped);
    await cluster.demo.addFulfillmentEvent(order.shop, order.name, { status: 'in_transit', message: 'Arrived at sort facility' }).then(
      () => counter.sent++,
      () => undefined,
    );
    await sleep(500);
  }
}

async function shoppersFor(cluster: Cluster, shoppers: number, seconds: number, tally: Tally, during?: (elapsedMs: number) => void) {
  const started = Date.now();
  const deadline = started + seconds * 1000;
  const webhooks = { sent: 0 };
  const ticker = setInterval(() => during?.(Date.now() - started), 250);
  await Promise.all([
    webhookDriver(cluster, deadline, webhooks),
    ...Array.from({ length: shoppers }, async () => {
      for (let i = 0; i < 10_000 && Date.now() < deadline; i++) await visit(cluster.proxyUrl, tally);
    }),
  ]);
  clearInterval(ticker);
  return webhooks.sent;
}

async function faults(cluster: Cluster): Promise<Row[]> {
  const seconds = num(values['fault-seconds'], 5, 600);
  const shoppers = num(values.shoppers, 1, 1000);
  for (const shop of cluster.demo.shops) cluster.demo.controls.set({ errorRate: 0.1, errorStatus: 503, timeoutRate: 0.05 }, shop.domain);
  const before = cluster.demo.requestLog.length;
  const tally = new Tally();
  const webhooks = await shoppersFor(cluster, shoppers, seconds, tally);
  cluster.demo.controls.clear();
  for (const failure of tally.failures) console.log(`  faults run failure: ${failure}`);
  const shopify = cluster.demo.requestLog.slice(before);
  return [
    tally.row(`${shoppers} shoppers, ${seconds} s, Shopify 10 % 5xx + 5 % timeouts`, {
      webhooks,
      'shopify calls': shopify.length,
      'shopify faults': shopify.filter((e) => e.fault).length,
      throttled: shopify.filter((e) => e.throttled).length,
    }),
  ];
}

/** 50 shoppers for 30 s; `stop` runs at 10 s and `start` at 20 s; replies are tallied by the window they ended in. */
async function outage(cluster: Cluster, label: string, stop: () => unknown, start: () => Promise<void>): Promise<Row[]> {
  const windows = { up: new Tally(), down: new Tally(), back: new Tally() };
  let phase: keyof typeof windows = 'up';
  const tallyProxy = new Tally();
  const add = tallyProxy.add.bind(tallyProxy);
  tallyProxy.add = (outcome, ms, detail) => {
    add(outcome, ms, detail);
    windows[phase].add(outcome, ms, detail);
  };
  let stopped = false;
  let restarted = false;
  await shoppersFor(cluster, 50, 30, tallyProxy, (elapsed) => {
    if (!stopped && elapsed >= 10_000) {
      stopped = true;
      phase = 'down';
      void stop();
    }
    if (stopped && !restarted && elapsed >= 20_000) {
      restarted = true;
      void start().then(() => (phase = 'back'));
    }
  });
  for (const failure of tallyProxy.failures) console.log(`  ${label} run failure: ${failure}`);
  return Object.entries(windows).map(([name, tally]) => tally.row(`${label} ${name} (50 shoppers, 10 s)`, { not_verified: tally.count('not_verified') }));
}

const redisOutage = (cluster: Cluster) =>
  outage(
    cluster,
    'Redis',
    () => cluster.stopRedis(),
    () => cluster.startRedis(),
  );

/** PostgreSQL cut off for 10 s, then: does every conversation hold whole turns (greeting, then shopper + reply pairs)? */
async function postgresOutage(cluster: Cluster): Promise<Row[]> {
  const rows = await outage(
    cluster,
    'PostgreSQL',
    () => cluster.cutDatabase(),
    () => cluster.restoreDatabase(),
  );
  const { default: postgres } = await import('postgres');
  const sql = postgres(cluster.databaseUrl, { onnotice: () => {}, max: 1 });
  const [counts] = await sql<{ conversations: number; half_written: number }[]>`
    select count(*)::int as conversations, count(*) filter (where agent <> shopper + 1)::int as half_written
    from (select c.id, count(*) filter (where m.role = 'agent') as agent, count(*) filter (where m.role = 'shopper') as shopper
          from conversations c left join messages m on m.conversation_id = c.id group by c.id) turns`;
  await sql.end();
  return [...rows, { measure: 'conversations stored / with a half-written turn', requests: counts!.conversations, errors: counts!.half_written }];
}

/** Warm chat messages until the target or the time is reached; RSS of each instance every 10,000 messages. */
async function memory(cluster: Cluster): Promise<Row[]> {
  const target = num(values['memory-messages'], 1000, 100_000);
  const seconds = num(values['memory-seconds'], 10, 1800);
  const workers = num(values['memory-workers'], 1, 256);
  const rows: Row[] = [];
  const started = Date.now();
  const sample = (messages: number) => {
    const rss = cluster.rssBytes().map((bytes) => Math.round(bytes / 1048576));
    const row = {
      measure: `RSS after ${messages} chat messages`,
      seconds: Math.round((Date.now() - started) / 1000),
      ...Object.fromEntries(rss.map((mb, i) => [`instance ${i + 1} MB`, mb])),
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  };
  sample(0);
  let sent = 0;
  const tally = new Tally();
  await warmChatLoad(cluster, workers, seconds, target, tally, () => {
    sent++;
    if (sent % 10_000 === 0) sample(sent);
  });
  if (sent % 10_000 !== 0) sample(sent);
  for (const failure of tally.failures) console.log(`  memory run failure: ${failure}`);
  const elapsed = (Date.now() - started) / 1000;
  rows.push(tally.row(`memory run: ${sent} messages in ${elapsed.toFixed(0)} s, ${workers} chats at once`, { 'msg/s': sent / elapsed }));
  return rows;
}

async function main() {
  // pg-down puts a TCP relay between the app and PostgreSQL (one more hop for every query of the run).
  const cluster = await startCluster({
    instances: num(values.instances, 1, 4),
    basePort: num(values['base-port'], 1024, 65000),
    shopifyTimeoutMs: 2500,
    databaseRelay: only.has('pg-down'),
  });
  const overall = setTimeout(
    () => {
      console.error('bench:load: time limit reached, stopping');
      void cluster.close().finally(() => process.exit(2));
    },
    20 * 60_000 + (only.has('memory') ? num(values['memory-seconds'], 10, 1800) * 1000 : 0),
  );
  try {
    console.log(`proxy ${cluster.proxyUrl} → instances on ${cluster.instances.map((i) => i.port).join(', ')}`);
    if (only.has('knee')) printTable('Warm chat replies by concurrency (knee = first p95 > 100 ms)', await knee(cluster));
    if (only.has('faults')) printTable('Faults: every reply fresh or labelled stale, no 5xx or traces', await faults(cluster));
    if (only.has('redis')) printTable('Redis stopped for 10 s mid-run', await redisOutage(cluster));
    if (only.has('pg-down')) printTable('PostgreSQL unreachable for 10 s mid-run (relay cut)', await postgresOutage(cluster));
    if (only.has('memory')) printTable('Memory (RSS of each next start process tree)', await memory(cluster));
    if (only.has('cold')) {
      const options = {
        shoppers: num(values['cold-shoppers'], 1, 1000),
        seconds: num(values['cold-seconds'], 5, 600),
        thinkMs: num(values['cold-think-ms'], 0, 60_000),
      };
      printTable('Sustained cold load on one shop vs its API budget (bucket drained first)', await coldLoad(cluster, options));
    }
    printTable(
      'App logs',
      cluster.instances.map((i, n) => ({
        instance: n + 1,
        'error lines': i.logErrors,
        'stack lines': i.stackLines,
        alive: i.child.exitCode === null ? 'yes' : `exited ${i.child.exitCode}`,
      })),
    );
  } finally {
    clearTimeout(overall);
    await cluster.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
