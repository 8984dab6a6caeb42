import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoShop } from '../../../demo-shop/server';
import { knownOrder, JANE_EMAIL } from '../../../demo-shop/seed/known-orders';
import { getOrderRecord } from '@/domain/orders/lookup-order';
import { createTestServices } from '../../../test/support/test-services';
import { createShopperClient } from '../../../test/support/shopper-client';
import { startDemoWorld, type DemoWorld } from '../../../test/support/demo-world';
import type { Services } from '@/server/services';
import { orderLookupDeps } from '../wiring/order-deps';

const ACME = 'acme-outdoors.myshopify.com';
const realServers = Boolean(process.env.TEST_REDIS_URL && process.env.TEST_DATABASE_URL);

let demo: DemoShop;
let world: DemoWorld;
let services: Services;
const graphqlCalls = () => demo.requestLog.filter((entry) => entry.kind === 'graphql').length;

beforeAll(async () => {
  world = await startDemoWorld({ connect: [ACME] });
  ({ demo, services } = world);
});

afterAll(() => world?.close());

beforeEach(() => {
  demo.controls.clear();
  demo.clearLog();
});

const verifyMany = (instances: Services[], count: number, orderKey: string) => {
  const order = knownOrder(orderKey);
  return Promise.all(
    Array.from({ length: count }, (_, index) => {
      const shopper = createShopperClient(instances[index % instances.length]!, { clientAddress: `203.0.113.${index + 1}` });
      return shopper.call((api) => api.orders.verify({ shop: ACME, orderReference: order.name, email: order.email ?? JANE_EMAIL }));
    }),
  );
};

describe('single-flight of Shopify lookups', () => {
  it('20 concurrent verifications of one cold order cost exactly one GraphQL call', async () => {
    const results = await verifyMany([services], 20, 'acme.in_transit');
    expect(results.map((result) => result.status)).toEqual(Array(20).fill('verified'));
    expect(graphqlCalls()).toBe(1);
  });

  it('20 concurrent reads of one cold order by id cost exactly one GraphQL call', async () => {
    const shop = (await services.shops.findShopByDomain(ACME))!;
    const orderId = String(demo.data.findOrder(ACME, knownOrder('acme.delivered').name)!.id);
    const results = await Promise.all(Array.from({ length: 20 }, () => getOrderRecord(orderLookupDeps(services, shop), orderId)));
    expect(results.every((result) => result.ok && result.record.orderId === orderId)).toBe(true);
    expect(graphqlCalls()).toBe(1);
  });

  it.skipIf(!realServers)('two instances sharing PostgreSQL and Redis: 20 concurrent verifications, one GraphQL call', async () => {
    const second = await createTestServices({}, { sharedWith: services });
    try {
      const results = await verifyMany([services, second], 20, 'acme.out_for_delivery');
      expect(results.map((result) => result.status)).toEqual(Array(20).fill('verified'));
      expect(graphqlCalls()).toBe(1);
    } finally {
      await second.close();
    }
  });
});
