import { stepTokenBucket, type KeyValueStore, type TokenRequest, type TokenResult } from './key-value-store';

type Entry = { value: string; expiresAt: number };

/** In-process store: a Map with expiry, bounded in size (oldest entries go first). */
export class MemoryStore implements KeyValueStore {
  readonly kind = 'memory' as const;
  private readonly entries = new Map<string, Entry>();
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    private readonly maxEntries = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private write(key: string, value: string, ttlMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  async get(key: string): Promise<string | null> {
    return this.live(key)?.value ?? null;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.write(key, value, ttlMs);
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.write(key, value, ttlMs);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async increment(key: string, ttlMs: number, by = 1): Promise<number> {
    const entry = this.live(key);
    if (!entry) {
      this.write(key, String(by), ttlMs);
      return by;
    }
    const next = Number(entry.value) + by;
    entry.value = String(next);
    return next;
  }

  async ttl(key: string): Promise<number | null> {
    const entry = this.live(key);
    return entry ? entry.expiresAt - this.now() : null;
  }

  async takeTokens(key: string, request: TokenRequest): Promise<TokenResult> {
    const { state, result } = stepTokenBucket(this.buckets.get(key), request, this.now());
    this.buckets.set(key, state);
    return result;
  }

  async refundTokens(key: string, request: { capacity: number; amount: number }): Promise<void> {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(request.capacity, bucket.tokens + request.amount);
  }

  async capTokens(key: string, request: { available: number }): Promise<void> {
    const bucket = this.buckets.get(key);
    if (bucket && bucket.tokens > request.available) bucket.tokens = request.available;
  }

  async calibrateTokens(key: string, request: { available: number; capacity: number }): Promise<void> {
    this.buckets.set(key, { tokens: Math.max(0, Math.min(request.capacity, request.available)), updatedAt: this.now() });
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.entries.clear();
    this.buckets.clear();
  }
}
