import type { Logger } from '../logger';
import type { KeyValueStore } from './key-value-store';

/** JSON cache over the shared store whose failures are logged and treated as misses: a cache never fails a request. */
export type SafeCache = {
  getJson<T>(key: string): Promise<T | null>;
  setJson(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
};

export function createSafeCache(store: KeyValueStore, logger: Logger): SafeCache {
  const fail = (operation: string, key: string, error: unknown) =>
    logger.warn('cache unavailable', { operation, key, error: error instanceof Error ? error.message : String(error) });
  return {
    async getJson<T>(key: string) {
      try {
        const raw = await store.get(key);
        return raw === null ? null : (JSON.parse(raw) as T);
      } catch (error) {
        fail('get', key, error);
        return null;
      }
    },
    async setJson(key, value, ttlMs) {
      try {
        await store.set(key, JSON.stringify(value), ttlMs);
      } catch (error) {
        fail('set', key, error);
      }
    },
    async delete(key) {
      try {
        await store.delete(key);
      } catch (error) {
        fail('delete', key, error);
      }
    },
  };
}
