/**
 * The shared store behind the order cache, attempt counters and the per-shop Shopify budget.
 * In-process by default; Redis when REDIS_URL is set, so every app instance sees the same numbers.
 * Implementations throw on transport failure: callers decide whether to fail open (cache reads)
 * or closed (attempt limits).
 */
export interface KeyValueStore {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets only when the key is absent; true when this caller won (a short lock). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Atomically adds `by` and returns the new value; the expiry is set when the key is created. */
  increment(key: string, ttlMs: number, by?: number): Promise<number>;
  /** Milliseconds until the key expires, or null when it does not exist. */
  ttl(key: string): Promise<number | null>;
  /**
   * Token bucket shared by every caller of the same key: takes `cost` tokens if the bucket holds them
   * (refilling at `refillPerSecond` up to `capacity`), otherwise says how long to wait.
   */
  takeTokens(key: string, request: TokenRequest): Promise<TokenResult>;
  /** Gives back tokens that were reserved but not spent (Shopify refunds requested minus actual cost). */
  refundTokens(key: string, request: { capacity: number; amount: number }): Promise<void>;
  /** Lowers a bucket to an authoritative reading; never raises it (for a deliberately smaller, fixed share). */
  capTokens(key: string, request: { available: number }): Promise<void>;
  /**
   * Sets a bucket to an authoritative reading (Shopify's `currentlyAvailable`), up or down, refilling from now:
   * the reading already counts every query Shopify has started, so local reservations are not counted again.
   */
  calibrateTokens(key: string, request: { available: number; capacity: number; refillPerSecond: number }): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type TokenRequest = { cost: number; capacity: number; refillPerSecond: number };
export type TokenResult = { ok: true; remaining: number } | { ok: false; waitMs: number; remaining: number };

/** Pure token-bucket step shared by the in-memory store and mirrored by the Redis script. */
export function stepTokenBucket(
  state: { tokens: number; updatedAt: number } | undefined,
  request: TokenRequest,
  now: number,
): { state: { tokens: number; updatedAt: number }; result: TokenResult } {
  const elapsedSeconds = state ? Math.max(0, now - state.updatedAt) / 1000 : 0;
  const tokens = Math.min(request.capacity, (state?.tokens ?? request.capacity) + elapsedSeconds * request.refillPerSecond);
  if (tokens >= request.cost) {
    const remaining = tokens - request.cost;
    return { state: { tokens: remaining, updatedAt: now }, result: { ok: true, remaining } };
  }
  const waitMs = Math.ceil(((request.cost - tokens) / request.refillPerSecond) * 1000);
  return { state: { tokens, updatedAt: now }, result: { ok: false, waitMs, remaining: tokens } };
}
