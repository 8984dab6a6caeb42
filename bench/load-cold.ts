/**
 * `bench:load --only cold`: a sustained cold load on one shop. Shoppers look up orders nobody looked up
 * before (tracking page: `orders.verify` with number + email, one Shopify order search each), far more of them
 * than the shop's API budget can serve, and we measure how close the app comes to the budget's limit.
 *
 * Honesty notes:
 * - The shop's GraphQL bucket (demo shop, like Shopify: 2,000 points, 100/s, requested cost reserved up front,
 *   unused points refunded) is drained at the start, so the 2,000-point burst does not flatter the rate: over
 *   the window the budget is exactly 100 points × seconds.
 * - Acme has 300 orders, fewer than a minute of cold lookups can need. When every order has been looked up
 *   once, the bench deletes the order cache entries (`order*` keys in the bench's own Redis; nothing else:
 *   sessions, counters, locks and the shared point bucket stay) and starts again, so each lookup is still a
 *   cache miss that needs Shopify. A lookup answered "not now" puts its order back in the queue.
 */
import type { Order } from '../demo-shop/model';
import type { Row } from './bench-kit';
import type { Cluster } from './load-cluster';
import { Shopper, Tally } from './load-shopper';

const SHOP = 'acme-outdoors.myshopify.com';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const shuffle = <T>(items: T[]): T[] => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
};
let addressCounter = 0;
const newAddress = () => `172.${16 + ((++addressCounter >> 16) & 15)}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;

export type ColdOptions = { shoppers: number; seconds: number; thinkMs: number };

export async function coldLoad(cluster: Cluster, options: ColdOptions): Promise<Row[]> {
  // Test orders are never verified (the app ignores them), so they are not part of the load.
  const orders = cluster.demo.data.orders(SHOP).filter((order): order is Order & { email: string } => order.email !== null && !order.test);
  let queue = shuffle([...orders]);
  let rounds = 1;
  let refilling: Promise<void> | null = null;
  const nextOrder = async (): Promise<(typeof orders)[number]> => {
    for (;;) {
      const order = queue.pop();
      if (order) return order;
      // Every order has been fetched once: forget the cached copies (only those) and go again.
      refilling ??= cluster.deleteCacheKeys('order*').then(() => {
        queue = shuffle([...orders]);
        rounds++;
        refilling = null;
      });
      await refilling;
    }
  };

  await cluster.deleteCacheKeys('order*');
  cluster.demo.drainGraphqlBucket(SHOP);
  const tally = new Tally();
  const notVerified: string[] = [];
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.shoppers }, async (_, index) => {
      await sleep((index * 1000) / options.shoppers); // arrivals spread over the first second
      while (Date.now() < deadline) {
        const order = await nextOrder();
        const shopper = new Shopper(cluster.proxyUrl, newAddress());
        const reply = await shopper.call('orders.verify', { shop: SHOP, orderReference: order.name, email: order.email, door: 'page' }, 'mutation', tally);
        if (reply.outcome === 'not_verified' && notVerified.length < 5) notVerified.push(`${order.name} ${order.email}`);
        if (reply.outcome !== 'fresh') queue.unshift(order);
        await sleep(options.thinkMs * (0.5 + Math.random()));
      }
    }),
  );
  const ended = Date.now();
  for (const failure of tally.failures) console.log(`  cold run failure: ${failure}`);
  if (notVerified.length > 0) console.log(`  not verified (first ${notVerified.length}): ${notVerified.join('; ')}`);

  const inWindow = (from: number, to: number) =>
    cluster.demo.requestLog.filter((entry) => {
      const at = Date.parse(entry.at);
      return entry.kind === 'graphql' && entry.shop === SHOP && at >= from && at <= to;
    });
  // Steady state: from 10 s in (the first call must wait for its requested cost to refill) to the deadline.
  const rate = (from: number, to: number) => {
    const served = inWindow(from, to).filter((entry) => entry.status === 200 && !entry.throttled && !entry.fault);
    const points = served.reduce((sum, entry) => sum + (entry.cost ?? 0), 0);
    const callsPerSecond = served.length / ((to - from) / 1000);
    const cost = points / served.length;
    return { callsPerSecond, cost, ofBudget: (callsPerSecond / (100 / cost)) * 100 };
  };
  const whole = rate(started, ended);
  const steady = rate(started + 10_000, deadline);
  const row = tally.row(`cold lookups, ${options.shoppers} shoppers, ${Math.round((ended - started) / 1000)} s, one shop`, {
    not_verified: tally.count('not_verified'),
    'actual cost': steady.cost,
    'budget calls/s (100 ÷ cost)': 100 / steady.cost,
    'shopify calls/s': steady.callsPerSecond,
    'of budget %': steady.ofBudget,
    'of budget %, whole run': whole.ofBudget,
    'THROTTLED from shopify': inWindow(started, ended).filter((entry) => entry.throttled).length,
    '429 to shoppers': tally.count('http_429'),
    rounds,
  });
  console.log(JSON.stringify(row));
  return [row];
}
