import { Redis } from 'ioredis';
import type { KeyValueStore, TokenRequest, TokenResult } from './key-value-store';

// Same arithmetic as stepTokenBucket, run atomically inside Redis so every instance shares one bucket.
const TAKE_TOKENS = `
local now = tonumber(ARGV[1]); local cost = tonumber(ARGV[2])
local capacity = tonumber(ARGV[3]); local rate = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]); local at = tonumber(state[2])
if tokens == nil then tokens = capacity; at = now end
tokens = math.min(capacity, tokens + math.max(0, now - at) / 1000 * rate)
local ok = 0
if tokens >= cost then tokens = tokens - cost; ok = 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 60000)
return {ok, tostring(tokens)}
`;

const REFUND_TOKENS = `
local tokens = tonumber(redis.call('HGET', KEYS[1], 'tokens'))
if tokens == nil then return 0 end
redis.call('HSET', KEYS[1], 'tokens', tostring(math.min(tonumber(ARGV[1]), tokens + tonumber(ARGV[2]))))
return 1
`;

const CAP_TOKENS = `
local tokens = tonumber(redis.call('HGET', KEYS[1], 'tokens'))
if tokens == nil then return 0 end
if tokens > tonumber(ARGV[1]) then redis.call('HSET', KEYS[1], 'tokens', ARGV[1]) end
return 1
`;

const CALIBRATE_TOKENS = `
local capacity = tonumber(ARGV[3]); local rate = tonumber(ARGV[4])
local tokens = math.max(0, math.min(capacity, tonumber(ARGV[2])))
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', ARGV[1])
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 60000)
return 1
`;

const INCREMENT = `
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return value
`;

/** Redis through ioredis. Commands fail fast while Redis is unreachable instead of queueing. */
export class RedisStore implements KeyValueStore {
  readonly kind = 'redis' as const;
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'osa:',
  ) {
    this.redis = new Redis(url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 1000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    // Errors surface on each command; an unhandled 'error' event would crash the process.
    this.redis.on('error', () => {});
  }

  private k(key: string): string {
    return this.prefix + key;
  }

  /** Resolves once connected (or rejects after the connect timeout). */
  async ready(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Redis did not become ready in 3 s')), 3000);
      this.redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async get(key: string): Promise<string | null> {
    return this.redis.get(this.k(key));
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.k(key), value, 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    const result = await this.redis.set(this.k(key), value, 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
    return result === 'OK';
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.k(key));
  }

  async increment(key: string, ttlMs: number, by = 1): Promise<number> {
    const value = await this.redis.eval(INCREMENT, 1, this.k(key), by, Math.max(1, Math.round(ttlMs)));
    return Number(value);
  }

  async ttl(key: string): Promise<number | null> {
    const ms = await this.redis.pttl(this.k(key));
    return ms < 0 ? null : ms;
  }

  async takeTokens(key: string, request: TokenRequest): Promise<TokenResult> {
    const [ok, tokensText] = (await this.redis.eval(TAKE_TOKENS, 1, this.k(key), Date.now(), request.cost, request.capacity, request.refillPerSecond)) as [
      number,
      string,
    ];
    const remaining = Number(tokensText);
    if (ok === 1) return { ok: true, remaining };
    return { ok: false, remaining, waitMs: Math.ceil(((request.cost - remaining) / request.refillPerSecond) * 1000) };
  }

  async refundTokens(key: string, request: { capacity: number; amount: number }): Promise<void> {
    await this.redis.eval(REFUND_TOKENS, 1, this.k(key), request.capacity, request.amount);
  }

  async capTokens(key: string, request: { available: number }): Promise<void> {
    await this.redis.eval(CAP_TOKENS, 1, this.k(key), request.available);
  }

  async calibrateTokens(key: string, request: { available: number; capacity: number; refillPerSecond: number }): Promise<void> {
    await this.redis.eval(CALIBRATE_TOKENS, 1, this.k(key), Date.now(), request.available, request.capacity, request.refillPerSecond);
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
