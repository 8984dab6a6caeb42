import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { MemoryStore } from './memory-store';
import { RedisStore } from './redis-store';
import type { KeyValueStore } from './key-value-store';
import { createSafeCache } from './safe-cache';
import { createLogger } from '../logger';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const opened: KeyValueStore[] = [];

async function redisStore(): Promise<RedisStore> {
  const store = new RedisStore(redisUrl, `osa-store-test-${randomBytes(4).toString('hex')}:`);
  opened.push(store);
  await store.ready();
  return store;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

const implementations: Array<[string, () => Promise<KeyValueStore>]> = [
  ['memory', async () => new MemoryStore()],
  ['redis', redisStore],
];

describe.each(implementations)('%s store', (_name, open) => {
  it('expires values after their TTL', async () => {
    const store = await open();
    await store.set('a', 'one', 40);
    expect(await store.get('a')).toBe('one');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await store.get('a')).toBeNull();
  });

  it('increments atomically and keeps the first expiry', async () => {
    const store = await open();
    const values = await Promise.all(Array.from({ length: 20 }, () => store.increment('n', 5_000)));
    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    const ttl = await store.ttl('n');
    expect(ttl).not.toBeNull();
    expect(ttl!).toBeLessThanOrEqual(5_000);
  });

  it('gives a short lock to one caller only', async () => {
    const store = await open();
    const results = await Promise.all(Array.from({ length: 5 }, () => store.setIfAbsent('lock', 'x', 1_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('shares one token bucket between callers and refuses past capacity', async () => {
    const store = await open();
    const request = { cost: 10, capacity: 30, refillPerSecond: 1 };
    const results = await Promise.all(Array.from({ length: 5 }, () => store.takeTokens('bucket', request)));
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    const refused = results.find((result) => !result.ok);
    expect(refused && !refused.ok && refused.waitMs).toBeGreaterThan(9_000);
    await store.refundTokens('bucket', { capacity: 30, amount: 20 });
    expect((await store.takeTokens('bucket', request)).ok).toBe(true);
    await store.capTokens('bucket', { available: 0 });
    expect((await store.takeTokens('bucket', request)).ok).toBe(false);
    await store.capTokens('bucket', { available: 25 });
    expect((await store.takeTokens('bucket', request)).ok).toBe(false); // a cap never raises
    // An authoritative reading raises the bucket as well as lowering it (never above capacity).
    await store.calibrateTokens('bucket', { available: 25, capacity: 30, refillPerSecond: 1 });
    expect(await store.takeTokens('bucket', { ...request, cost: 25 })).toMatchObject({ ok: true });
    await store.calibrateTokens('bucket', { available: 500, capacity: 30, refillPerSecond: 1 });
    expect(await store.takeTokens('bucket', { ...request, cost: 30 })).toMatchObject({ ok: true });
    expect((await store.takeTokens('bucket', request)).ok).toBe(false);
  });
});

describe('safe cache', () => {
  it('treats an unreachable Redis as a miss instead of failing', async () => {
    const store = new RedisStore('redis://127.0.0.1:1', 'unreachable:');
    opened.push(store);
    const cache = createSafeCache(store, createLogger('silent'));
    await expect(cache.setJson('k', { a: 1 }, 1_000)).resolves.toBeUndefined();
    await expect(cache.getJson('k')).resolves.toBeNull();
    await expect(store.get('k')).rejects.toThrow();
  });
});
