import { describe, expect, it } from 'vitest';
import { createSingleFlight } from '@/domain/orders/single-flight';
import { MemoryStore } from '@/server/cache/memory-store';
import { storeFlightLocks } from './single-flight-for';

const tick = (ms = 5) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('createSingleFlight', () => {
  it('in one process: 20 concurrent runs of a key make one load and all get its result', async () => {
    const flight = createSingleFlight({ locks: null, now: Date.now });
    let loads = 0;
    const load = async () => {
      loads++;
      await tick(20);
      return { value: 42 };
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => flight.run('k', load, async () => null)));
    expect(loads).toBe(1);
    expect(results.every((r) => r.value === 42)).toBe(true);
    // Once settled, the next run loads again (nothing is cached by the flight itself).
    await flight.run('k', load, async () => null);
    expect(loads).toBe(2);
  });

  it('different keys do not wait for each other', async () => {
    const flight = createSingleFlight({ locks: null, now: Date.now });
    let loads = 0;
    await Promise.all(
      ['a', 'b', 'c'].map((key) =>
        flight.run(
          key,
          async () => ++loads,
          async () => null,
        ),
      ),
    );
    expect(loads).toBe(3);
  });

  it('across instances: the loser waits for the winner and reads its cached result instead of loading', async () => {
    const store = new MemoryStore();
    const shared = new Map<string, string>();
    const a = createSingleFlight({ locks: storeFlightLocks(store), pollMs: 5, now: Date.now });
    const b = createSingleFlight({ locks: storeFlightLocks(store), pollMs: 5, now: Date.now });
    let loads = 0;
    const load = async () => {
      loads++;
      await tick(40);
      shared.set('k', 'from-shopify');
      return 'from-shopify';
    };
    const readShared = async () => (shared.has('k') ? 'from-cache' : null);
    const [first, second] = await Promise.all([a.run('k', load, readShared), (async () => (await tick(5), b.run('k', load, readShared)))()]);
    expect(loads).toBe(1);
    expect(first).toBe('from-shopify');
    expect(second).toBe('from-cache');
    expect(await store.get('lock:k')).toBeNull();
  });

  it('a loser stops waiting once the winner gave up without a result, and loads itself', async () => {
    const store = new MemoryStore();
    const a = createSingleFlight({ locks: storeFlightLocks(store), pollMs: 5, now: Date.now });
    const b = createSingleFlight({ locks: storeFlightLocks(store), pollMs: 5, maxWaitMs: 5_000, now: Date.now });
    const failing = async () => {
      await tick(30);
      throw new Error('shopify down');
    };
    const started = Date.now();
    const [first, second] = await Promise.allSettled([
      a.run('k', failing, async () => null),
      (async () => (
        await tick(5),
        b.run(
          'k',
          async () => 'own call',
          async () => null,
        )
      ))(),
    ]);
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: 'own call' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('a loser whose winner hangs calls Shopify itself after maxWaitMs', async () => {
    const store = new MemoryStore();
    await store.setIfAbsent('lock:k', 'someone-else', 10_000);
    const flight = createSingleFlight({ locks: storeFlightLocks(store), pollMs: 5, maxWaitMs: 60, now: Date.now });
    const started = Date.now();
    expect(
      await flight.run(
        'k',
        async () => 'own call',
        async () => null,
      ),
    ).toBe('own call');
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(await store.get('lock:k')).toBe('someone-else'); // never releases a lock it does not own
  });

  it('on the clock it is given, a loser polls every pollMs until maxWaitMs has passed, then loads', async () => {
    const store = new MemoryStore();
    await store.setIfAbsent('lock:k', 'someone-else', 10_000);
    let clock = 1_000_000;
    const slept: number[] = [];
    const sleep = async (ms: number) => void (slept.push(ms), (clock += ms));
    const flight = createSingleFlight({ locks: storeFlightLocks(store), pollMs: 5, maxWaitMs: 60, sleep, now: () => clock });
    let polls = 0;
    expect(
      await flight.run(
        'k',
        async () => 'own call',
        async () => (polls++, null),
      ),
    ).toBe('own call');
    expect(slept).toEqual(Array.from({ length: 12 }, () => 5));
    expect(polls).toBe(12);
  });

  it('a failing lock store never fails the lookup', async () => {
    const broken = {
      acquire: () => Promise.reject(new Error('redis down')),
      release: () => Promise.reject(new Error('x')),
      isHeld: () => Promise.reject(new Error('x')),
    };
    const flight = createSingleFlight({ locks: broken, now: Date.now });
    expect(
      await flight.run(
        'k',
        async () => 'ok',
        async () => null,
      ),
    ).toBe('ok');
  });
});
