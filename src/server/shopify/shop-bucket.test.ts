import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../cache/memory-store';
import { createLogger } from '../logger';
import { createShopBucket } from './shop-bucket';

const DOMAIN = 'plan.myshopify.com';
const setup = (settings?: { capacity: number; refillPerSecond: number }) => {
  const clock = { now: 1_000_000 };
  const bucket = createShopBucket({
    store: new MemoryStore(1000, () => clock.now),
    logger: createLogger('silent'),
    now: () => clock.now,
    ...(settings ? { settings } : {}),
  });
  return { bucket, clock };
};

describe('the shared Shopify bucket follows what Shopify reports', () => {
  it("is raised to Shopify's reading when the local mirror was more pessimistic", async () => {
    const { bucket } = setup();
    expect((await bucket.take(DOMAIN, 1900)).ok).toBe(true); // 100 left locally (e.g. reservations of lost calls)
    expect((await bucket.take(DOMAIN, 500)).ok).toBe(false);
    await bucket.observe(DOMAIN, { maximumAvailable: 2000, currentlyAvailable: 1950, restoreRate: 100 });
    expect(await bucket.take(DOMAIN, 1900)).toMatchObject({ ok: true });
  });

  it("is lowered to Shopify's reading, and refills from then at the shop's own restore rate", async () => {
    const { bucket, clock } = setup();
    await bucket.observe(DOMAIN, { maximumAvailable: 20_000, currentlyAvailable: 0, restoreRate: 1000 }); // Plus
    expect(await bucket.take(DOMAIN, 500)).toMatchObject({ ok: false, waitMs: 500 });
    clock.now += 500;
    expect((await bucket.take(DOMAIN, 500)).ok).toBe(true);
    clock.now += 20_000;
    expect((await bucket.take(DOMAIN, 19_000)).ok).toBe(true); // the learned 20,000-point bucket, not 2,000
  });

  it.each([
    [100, 2000],
    [200, 4000],
    [1000, 20_000],
    [2000, 40_000],
  ])('learns a %i points/s plan (bucket %i) from the first reading', async (rate, max) => {
    const { bucket, clock } = setup();
    await bucket.observe(DOMAIN, { maximumAvailable: max, currentlyAvailable: 0, restoreRate: rate });
    clock.now += 1000;
    expect((await bucket.take(DOMAIN, rate)).ok).toBe(true);
    expect((await bucket.take(DOMAIN, 1)).ok).toBe(false);
  });

  it('a fixed, deliberately smaller share is only ever lowered by a reading', async () => {
    const { bucket } = setup({ capacity: 50, refillPerSecond: 5 });
    expect((await bucket.take(DOMAIN, 50)).ok).toBe(true);
    await bucket.observe(DOMAIN, { maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 });
    expect((await bucket.take(DOMAIN, 10)).ok).toBe(false);
  });
});
