import { MemoryStore } from './memory-store';
import { RedisStore } from './redis-store';
import type { KeyValueStore } from './key-value-store';

/** Redis when a URL is configured, the in-process store otherwise. */
export function openStore(redisUrl: string | undefined, prefix?: string): KeyValueStore {
  return redisUrl ? new RedisStore(redisUrl, prefix) : new MemoryStore();
}
