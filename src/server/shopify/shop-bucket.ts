import type { KeyValueStore, TokenResult } from '../cache/key-value-store';
import { MemoryStore } from '../cache/memory-store';
import type { Logger } from '../logger';

export type BucketSettings = { capacity: number; refillPerSecond: number };

/**
 * Shopify's per-shop GraphQL point budget, mirrored in the shared store so every app instance spends
 * from the same bucket. Store failures never fail a Shopify call: the bucket falls back to a
 * per-process one (less precise across instances, and Shopify's own THROTTLED still protects us).
 */
export type ShopBucket = {
  take(domain: string, cost: number): Promise<TokenResult>;
  refund(domain: string, amount: number): Promise<void>;
  /**
   * Adopts Shopify's reading of the bucket: sets it to `currentlyAvailable` (up or down; the reading already
   * counts every query Shopify has started, so local reservations of those are not counted twice) and learns
   * the shop's size and restore rate (plans differ: 100, 200, 1,000, 2,000 points/s).
   */
  observe(domain: string, status: ThrottleStatus): Promise<void>;
};

export type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };

/** Shopify's standard plan; larger plans are learned from the first response's throttleStatus. */
export const STANDARD_PLAN_BUCKET: BucketSettings = { capacity: 2000, refillPerSecond: 100 };

const WARN_EVERY_MS = 30_000;

export function createShopBucket(deps: {
  store: KeyValueStore;
  logger: Logger;
  /** Fixed settings (tests, or a deliberately smaller share); when omitted each shop's own are learned. */
  settings?: BucketSettings;
  now: () => number;
}): ShopBucket {
  const { store, logger, now } = deps;
  const learned = new Map<string, BucketSettings>();
  const settingsFor = (domain: string) => deps.settings ?? learned.get(domain) ?? STANDARD_PLAN_BUCKET;
  const fallback = new MemoryStore(1_000, now);
  let lastWarnAt = Number.NEGATIVE_INFINITY;
  const key = (domain: string) => `shopify:bucket:${domain}`;

  async function guarded<T>(operation: string, domain: string, shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    try {
      return await shared();
    } catch (error) {
      if (now() - lastWarnAt >= WARN_EVERY_MS) {
        lastWarnAt = now();
        logger.warn('shopify bucket store unavailable, using a per-process bucket', {
          operation,
          shop: domain,
          store: store.kind,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      return local();
    }
  }

  return {
    take(domain, cost) {
      const settings = settingsFor(domain);
      // A cost above the capacity could never be served; Shopify itself caps single queries at 1000.
      const request = { cost: Math.min(cost, settings.capacity), capacity: settings.capacity, refillPerSecond: settings.refillPerSecond };
      return guarded(
        'take',
        domain,
        () => store.takeTokens(key(domain), request),
        () => fallback.takeTokens(key(domain), request),
      );
    },
    async refund(domain, amount) {
      if (amount <= 0) return;
      const request = { capacity: settingsFor(domain).capacity, amount };
      await guarded(
        'refund',
        domain,
        () => store.refundTokens(key(domain), request),
        () => fallback.refundTokens(key(domain), request),
      );
    },
    async observe(domain, status) {
      if (!deps.settings && status.maximumAvailable > 0 && status.restoreRate > 0) {
        learned.set(domain, { capacity: status.maximumAvailable, refillPerSecond: status.restoreRate });
      }
      const settings = settingsFor(domain);
      const available = status.currentlyAvailable;
      const request = { available, capacity: settings.capacity, refillPerSecond: settings.refillPerSecond };
      // A fixed share (deps.settings) is only ever lowered by Shopify's reading, so it stays a share.
      await guarded(
        'calibrate',
        domain,
        () => (deps.settings ? store.capTokens(key(domain), { available }) : store.calibrateTokens(key(domain), request)),
        () => (deps.settings ? fallback.capTokens(key(domain), { available }) : fallback.calibrateTokens(key(domain), request)),
      );
    },
  };
}
