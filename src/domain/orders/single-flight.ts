/**
 * Single-flight for Shopify lookups: while one lookup of a key is in flight, others wait for its result
 * instead of spending the shop's API budget again. In-process through a map of promises; across instances
 * through a short lock in the shared store, whose losers poll the cache for the winner's result.
 */
export type FlightLocks = {
  /** true when this caller now holds the lock (expires by itself after ttlMs). */
  acquire(key: string, ttlMs: number): Promise<boolean>;
  release(key: string): Promise<void>;
  isHeld(key: string): Promise<boolean>;
};

export type SingleFlight = {
  /**
   * Runs `load` once per key at a time. `readShared` reads the result another instance may have cached;
   * when it appears while we wait, no Shopify call is made here.
   */
  run<T>(key: string, load: () => Promise<T>, readShared: () => Promise<T | null>): Promise<T>;
};

export type SingleFlightOptions = {
  locks: FlightLocks | null;
  /** Longer than one Shopify call, short enough that a crashed winner costs little. */
  lockTtlMs?: number;
  /** How long a loser waits for the winner before calling Shopify itself. */
  maxWaitMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Epoch milliseconds (Date.now in production): how long a loser has waited. */
  now: () => number;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One per process (or per set of services in tests): the in-flight map must not be shared by instances. */
export function createSingleFlight(options: SingleFlightOptions): SingleFlight {
  const inFlight = new Map<string, Promise<unknown>>();
  const { locks } = options;
  const lockTtlMs = options.lockTtlMs ?? 5_000;
  const maxWaitMs = options.maxWaitMs ?? 2_000;
  const pollMs = options.pollMs ?? 50;
  const sleep = options.sleep ?? defaultSleep;
  const { now } = options;

  // A store failure must never fail a lookup: without the lock we simply call Shopify.
  const safe = async <T>(operation: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await operation();
    } catch {
      return fallback;
    }
  };

  async function acrossInstances<T>(key: string, load: () => Promise<T>, readShared: () => Promise<T | null>): Promise<T> {
    if (!locks) return load();
    const lockKey = `lock:${key}`;
    if (await safe(() => locks.acquire(lockKey, lockTtlMs), true)) {
      try {
        return await load();
      } finally {
        await safe(() => locks.release(lockKey), undefined);
      }
    }
    const deadline = now() + maxWaitMs;
    while (now() < deadline) {
      await sleep(pollMs);
      const shared = await safe(readShared, null);
      if (shared !== null) return shared;
      // The winner finished without caching (Shopify failed for it): no point waiting longer.
      if (!(await safe(() => locks.isHeld(lockKey), false))) break;
    }
    return load();
  }

  return {
    run<T>(key: string, load: () => Promise<T>, readShared: () => Promise<T | null>): Promise<T> {
      const existing = inFlight.get(key);
      if (existing) return existing as Promise<T>;
      const flight = acrossInstances(key, load, readShared).finally(() => inFlight.delete(key));
      inFlight.set(key, flight);
      return flight;
    },
  };
}
