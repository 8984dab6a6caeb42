import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoShop } from '../../../../demo-shop/server';
import { knownOrder } from '../../../../demo-shop/seed/known-orders';
import { orderCacheKey, orderNameCacheKey } from '@/domain/orders/order-cache-keys';
import { createShopperClient } from '../../../../test/support/shopper-client';
import { startDemoWorld, type DemoWorld } from '../../../../test/support/demo-world';
import type { Services } from '@/server/services';
import { UNAVAILABLE_MESSAGE } from '@/domain/verification/verify-failure-message';

/**
 * Under budget pressure no THROTTLED/429 reaches a shopper: the client waits on the shared bucket for a
 * while, then the lookup serves the last known status (labelled with its time) or an honest "not now".
 */
const ACME = 'acme-outdoors.myshopify.com';
let demo: DemoShop;
let world: DemoWorld;
let services: Services;
let shopId: string;

beforeAll(async () => {
  world = await startDemoWorld({ connect: [ACME] });
  ({ demo, services } = world);
  shopId = world.shops.get(ACME)!.id;
});

afterAll(() => world?.close());

beforeEach(() => {
  demo.controls.clear();
});

/** An empty bucket refilling at 10 points/s: our 185-point query would wait ~18 s, past the client's 4 s. */
const exhaustBudget = () => {
  demo.setLimits(ACME, { graphql: { max: 2000, rate: 10 } });
  demo.drainGraphqlBucket(ACME);
};

const leaks = (value: unknown) => /THROTTLED|429|Throttled|stack|Error:/i.test(JSON.stringify(value));

// Order matters: once the budget is exhausted, the app has learned the slow restore rate for the rest of the file.
describe('a shop out of API budget', () => {
  it('Shopify answering THROTTLED/429 for every call: the shopper still gets the snapshot, never the upstream error', async () => {
    const order = knownOrder('acme.out_for_delivery');
    const shopper = createShopperClient(services, { clientAddress: '198.51.100.72' });
    const verified = await shopper.call((api) => api.orders.verify({ shop: ACME, orderReference: order.name, email: order.email! }));
    if (verified.status !== 'verified') throw new Error(`expected verified, got ${verified.status}`);
    await services.cache.delete(orderCacheKey(shopId, verified.order.orderId));
    await services.cache.delete(orderNameCacheKey(shopId, String(order.orderNumber)));

    demo.controls.set({ throttleNext: 50 }, ACME);
    const again = createShopperClient(services, { clientAddress: '198.51.100.73' });
    const result = await again.call((api) => api.orders.verify({ shop: ACME, orderReference: order.name, email: order.email! }));
    expect(result.status).toBe('verified');
    if (result.status !== 'verified') return;
    expect(result.freshness.stale).toBe(true);
    expect(result.freshness.note).toContain('here is what we knew');
    expect(leaks(result)).toBe(false);
  });

  it('a verified shopper gets the last known status, labelled with its time, quickly and without an error', async () => {
    const order = knownOrder('acme.in_transit');
    const shopper = createShopperClient(services, { clientAddress: '198.51.100.70' });
    const verified = await shopper.call((api) => api.orders.verify({ shop: ACME, orderReference: order.name, email: order.email! }));
    if (verified.status !== 'verified') throw new Error(`expected verified, got ${verified.status}`);
    const orderId = verified.order.orderId;
    await services.cache.delete(orderCacheKey(shopId, orderId)); // cache expired: the next view needs Shopify

    exhaustBudget();
    const started = Date.now();
    const result = await shopper.call((api) => api.orders.get({ shop: ACME, orderId }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.freshness.stale).toBe(true);
    expect(result.freshness.note).toMatch(/^Shopify is busy or not answering right now; here is what we knew as of \d{1,2}:\d{2}/);
    expect(result.order.orderName).toBe(order.name);
    expect(leaks(result)).toBe(false);
  });

  it('a shopper asking about an order we never saw gets the honest "not now" message, not a spinner or a 429', async () => {
    const order = knownOrder('acme.delivered');
    exhaustBudget();
    const shopper = createShopperClient(services, { clientAddress: '198.51.100.71' });
    const started = Date.now();
    const result = await shopper.call((api) => api.orders.verify({ shop: ACME, orderReference: order.name, email: order.email! }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toEqual({ status: 'unavailable', message: UNAVAILABLE_MESSAGE });
    expect(leaks(result)).toBe(false);
  });
});
