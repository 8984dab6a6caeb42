/**
 * Failed-verification counters in the shared store, in three scopes: the browser session or conversation,
 * the client address, and the order number (so a botnet with many addresses still cannot walk one
 * order's emails). Only failures count: a shopper who succeeds is never slowed down. An unknown client
 * address (null) has no per-address counter: one shared bucket would let anyone lock every unknown client out.
 */
export type LimitWindow = { maxFailures: number; windowMs: number };
export type AttemptLimitConfig = { perHolder: LimitWindow; perClient: LimitWindow; perOrder: LimitWindow };

export type AttemptScope = { shopId: string; holderHash: string; clientHash: string | null; orderNumber: string | null };

export type CounterStore = {
  get(key: string): Promise<string | null>;
  increment(key: string, ttlMs: number): Promise<number>;
  ttl(key: string): Promise<number | null>;
};

export type LimitCheck = { ok: true } | { ok: false; reason: 'locked'; retryAfterMs: number } | { ok: false; reason: 'unavailable' };

function countersFor(scope: AttemptScope, config: AttemptLimitConfig): Array<{ key: string; window: LimitWindow }> {
  const counters = [{ key: `attempts:holder:${scope.shopId}:${scope.holderHash}`, window: config.perHolder }];
  if (scope.clientHash) counters.push({ key: `attempts:client:${scope.clientHash}`, window: config.perClient });
  if (scope.orderNumber) counters.push({ key: `attempts:order:${scope.shopId}:${scope.orderNumber}`, window: config.perOrder });
  return counters;
}

/**
 * Whether another attempt may run. Fails closed: when the store cannot be read the attempt is refused
 * ('unavailable'), because an unlimited verification endpoint is worse than a short outage.
 */
export async function checkAttemptLimits(store: CounterStore, config: AttemptLimitConfig, scope: AttemptScope): Promise<LimitCheck> {
  try {
    let retryAfterMs = 0;
    for (const { key, window } of countersFor(scope, config)) {
      const count = Number((await store.get(key)) ?? 0);
      if (count >= window.maxFailures) retryAfterMs = Math.max(retryAfterMs, (await store.ttl(key)) ?? window.windowMs);
    }
    return retryAfterMs > 0 ? { ok: false, reason: 'locked', retryAfterMs } : { ok: true };
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
}

/**
 * Counts one failed attempt in every scope. Returns how many failures the tightest scope still allows before it
 * locks (0: the next attempt is refused), or null when the store could not be written.
 */
export async function recordFailedAttempt(store: CounterStore, config: AttemptLimitConfig, scope: AttemptScope): Promise<number | null> {
  try {
    const counters = countersFor(scope, config);
    const counts = await Promise.all(counters.map(({ key, window }) => store.increment(key, window.windowMs)));
    return Math.max(0, Math.min(...counters.map(({ window }, index) => window.maxFailures - counts[index]!)));
  } catch {
    return null;
  }
}

/** "try again in 12 minutes", rounded up so the shopper never comes back too early. */
export function describeRetryAfter(retryAfterMs: number): string {
  const minutes = RETRY_MINUTES(retryAfterMs);
  return minutes === 1 ? 'in 1 minute' : `in ${minutes} minutes`;
}

/** Whole minutes to wait, at least 1 (what every language's lockout message states). */
export const RETRY_MINUTES = (retryAfterMs: number): number => Math.max(1, Math.ceil(retryAfterMs / 60_000));
