import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoShop } from '../../../../demo-shop/server';
import { knownOrder, JANE_EMAIL } from '../../../../demo-shop/seed/known-orders';
import { createShopperClient } from '../../../../test/support/shopper-client';
import { orderCacheKey } from '@/domain/orders/order-cache-keys';
import { startDemoWorld, type DemoWorld } from '../../../../test/support/demo-world';
import type { Services } from '@/server/services';
import { NOT_VERIFIED_MESSAGE } from '@/domain/verification/verify-failure-message';

const ACME = 'acme-outdoors.myshopify.com';
const NORDIC = 'nordic-threads.myshopify.com';

let demo: DemoShop;
let world: DemoWorld;
let services: Services;
const shopIds = new Map<string, string>();

const graphqlCalls = () => demo.requestLog.filter((entry) => entry.kind === 'graphql').length;

beforeAll(async () => {
  world = await startDemoWorld();
  ({ demo, services } = world);
  for (const [domain, shop] of world.shops) shopIds.set(domain, shop.id);
});

afterAll(() => world?.close());

beforeEach(() => {
  demo.controls.clear();
  demo.clearLog();
});

describe('orders.verify', () => {
  it('verifies the way shoppers type it and returns the shopper-safe view', async () => {
    const shopper = createShopperClient(services, { clientAddress: '198.51.100.1' });
    const order = knownOrder('acme.in_transit');
    const result = await shopper.call((api) =>
      api.orders.verify({ shop: ACME, orderReference: ` order no. ${order.orderNumber} `, email: `  ${JANE_EMAIL.toUpperCase()} ` }),
    );
    expect(result.status).toBe('verified');
    if (result.status !== 'verified') return;
    expect(result.order.orderName).toBe(order.name);
    expect(result.order.status).toBe('in_transit');
    expect(result.order.maskedEmail).toBe('j***@example.com');
    expect(JSON.stringify(result.order)).not.toContain(JANE_EMAIL);
    expect(shopper.cookies.get('osa_session')).toBeTruthy();
  });

  it("accepts a number without the shop's own prefix or suffix (format learned when the shop was connected)", async () => {
    for (const [shop, key] of [
      [NORDIC, 'nordic.in_transit'],
      ['tiny-tea.myshopify.com', 'tiny.in_transit'],
    ] as const) {
      const order = knownOrder(key);
      const shopper = createShopperClient(services, { clientAddress: '198.51.100.2' });
      const result = await shopper.call((api) => api.orders.verify({ shop, orderReference: `order ${order.orderNumber}`, email: order.email! }));
      expect(result.status === 'verified' && result.order.orderName).toBe(order.name);
    }
  });

  it('answers every failure identically: no such order, wrong email, test order, another shop’s order', async () => {
    const attempts = [
      { shop: ACME, orderReference: '#99999', email: JANE_EMAIL },
      { shop: ACME, orderReference: knownOrder('acme.in_transit').name, email: 'jane.doe@example.org' },
      { shop: ACME, orderReference: knownOrder('acme.john').name, email: 'john+shop@example.com' },
      { shop: ACME, orderReference: knownOrder('acme.test_order').name, email: 'test.tom@example.com' },
      { shop: ACME, orderReference: knownOrder('acme.pos_pickup').name, email: 'someone@example.com' },
      { shop: ACME, orderReference: knownOrder('nordic.in_transit').name, email: 'astrid.berg@example.se' },
    ];
    const results = [];
    for (const [index, attempt] of attempts.entries()) {
      const shopper = createShopperClient(services, { clientAddress: `198.51.100.${20 + index}` });
      results.push(await shopper.call((api) => api.orders.verify(attempt)));
    }
    for (const result of results) expect(result).toEqual({ status: 'not_verified', message: NOT_VERIFIED_MESSAGE });
  });

  it('locks a session after repeated failures and then makes no Shopify call at all', async () => {
    const shopper = createShopperClient(services, { clientAddress: '198.51.100.50' });
    const attempt = () => shopper.call((api) => api.orders.verify({ shop: ACME, orderReference: '1278', email: `guess${Math.random()}@example.com` }));
    for (let index = 0; index < 5; index += 1) expect((await attempt()).status).toBe('not_verified');
    demo.clearLog();
    const locked = await attempt();
    expect(locked.status).toBe('locked');
    if (locked.status === 'locked') {
      expect(locked.message).toMatch(/try again in \d+ minutes?/);
      expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    }
    // Even the right email is refused while locked, and Shopify is never asked.
    const right = await shopper.call((api) => api.orders.verify({ shop: ACME, orderReference: '1278', email: 'ofd.olivia@example.com' }));
    expect(right.status).toBe('locked');
    expect(graphqlCalls()).toBe(0);
  });

  it('limits failures per order number across many sessions and addresses', async () => {
    const order = knownOrder('acme.attempted_delivery');
    for (let index = 0; index < 10; index += 1) {
      const bot = createShopperClient(services, { clientAddress: `192.0.2.${index + 1}` });
      const result = await bot.call((api) => api.orders.verify({ shop: ACME, orderReference: order.name, email: `walk${index}@example.com` }));
      expect(result.status).toBe('not_verified');
    }
    const owner = createShopperClient(services, { clientAddress: '192.0.2.200' });
    const result = await owner.call((api) => api.orders.verify({ shop: ACME, orderReference: order.name, email: order.email! }));
    expect(result.status).toBe('locked');
  });

  it('answers a warm lookup without calling Shopify', async () => {
    const order = knownOrder('acme.split_shipment');
    const first = createShopperClient(services, { clientAddress: '198.51.100.60' });
    await first.call((api) => api.orders.verify({ shop: ACME, orderReference: order.name, email: order.email! }));
    expect(graphqlCalls()).toBe(1);
    demo.clearLog();
    const second = createShopperClient(services, { clientAddress: '198.51.100.61' });
    const result = await second.call((api) => api.orders.verify({ shop: ACME, orderReference: order.name, email: order.email! }));
    expect(result.status).toBe('verified');
    expect(graphqlCalls()).toBe(0);
  });
});

describe('orders.get', () => {
  async function verified(shop: string, key: string, clientAddress: string) {
    const order = knownOrder(key);
    const shopper = createShopperClient(services, { clientAddress });
    const result = await shopper.call((api) => api.orders.verify({ shop, orderReference: order.name, email: order.email! }));
    if (result.status !== 'verified') throw new Error(`could not verify ${key}: ${result.status}`);
    return { shopper, orderId: result.order.orderId };
  }

  it('serves the verified order and nothing else, not even another order of the same email', async () => {
    const { shopper, orderId } = await verified(ACME, 'acme.delivered', '198.51.100.70');
    const own = await shopper.call((api) => api.orders.get({ shop: ACME, orderId }));
    expect(own.status).toBe('ok');
    const other = demo.data.findOrder(ACME, knownOrder('acme.cancelled').name)!;
    await expect(shopper.call((api) => api.orders.get({ shop: ACME, orderId: String(other.id) }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never crosses shops: a grant from one shop cannot read the other shop’s #1001', async () => {
    const { shopper, orderId } = await verified(ACME, 'acme.delivered', '198.51.100.71');
    const nordicOrder = demo.data.findOrder(NORDIC, knownOrder('nordic.delivered').name)!;
    await expect(shopper.call((api) => api.orders.get({ shop: NORDIC, orderId: String(nordicOrder.id) }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(shopper.call((api) => api.orders.get({ shop: NORDIC, orderId }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('without any grant refuses before any Shopify call', async () => {
    const stranger = createShopperClient(services, { clientAddress: '198.51.100.72' });
    const order = demo.data.findOrder(ACME, knownOrder('acme.in_transit').name)!;
    await expect(stranger.call((api) => api.orders.get({ shop: ACME, orderId: String(order.id) }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(graphqlCalls()).toBe(0);
  });

  it('serves the last known status with its age when Shopify fails, never an error', async () => {
    const { shopper, orderId } = await verified(ACME, 'acme.out_for_delivery', '198.51.100.73');
    await services.cache.delete(orderCacheKey(shopIds.get(ACME)!, orderId));
    demo.controls.set({ errorRate: 1 });
    const result = await shopper.call((api) => api.orders.get({ shop: ACME, orderId }));
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.freshness.stale).toBe(true);
    expect(result.freshness.note).toMatch(/as of \d{2}:\d{2}, (just now|\d+ minutes? ago)/);
    expect(result.order.status).toBe('out_for_delivery');
  });

  it('reflects a fulfilment once the cache entry is dropped', async () => {
    const { shopper, orderId } = await verified(ACME, 'acme.unfulfilled', '198.51.100.74');
    const before = await shopper.call((api) => api.orders.get({ shop: ACME, orderId }));
    expect(before.status === 'ok' && before.order.status).toBe('confirmed');
    await demo.fulfillOrder(ACME, knownOrder('acme.unfulfilled').name, { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' });
    await services.cache.delete(orderCacheKey(shopIds.get(ACME)!, orderId));
    const after = await shopper.call((api) => api.orders.get({ shop: ACME, orderId }));
    expect(after.status === 'ok' && after.order.shipments[0]?.carrier).toBe('UPS');
  });
});
