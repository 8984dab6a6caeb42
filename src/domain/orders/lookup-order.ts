import { ORDER_CACHE_TTL_MS, orderCacheKey, orderNameCacheKey } from './order-cache-keys';
import { orderRecordSchema, toOrderRecord, type OrderRecord, type RecordContext } from './order-record';
import type { OrderReference } from './parse-order-reference';
import type { SingleFlight } from './single-flight';
import type { SourceOrder } from './source-order';

/** A miss for a typed number is remembered briefly only: a shopper may ask minutes after ordering. */
export const NEGATIVE_NAME_TTL_MS = 60 * 1000;

export type OrderGateway = {
  /** One Admin API call; loose search, so the caller compares exactly. */
  findOrdersByNames(names: string[]): Promise<SourceOrder[]>;
  getOrder(orderId: string): Promise<SourceOrder | null>;
};

export type JsonCache = {
  getJson<T>(key: string): Promise<T | null>;
  setJson(key: string, value: unknown, ttlMs: number): Promise<void>;
};

export type SnapshotStore = {
  saveSnapshot(record: OrderRecord & { shopId: string }): Promise<void>;
  findSnapshot(orderId: string): Promise<OrderRecord | null>;
  findSnapshotsByName(orderNames: string[]): Promise<OrderRecord[]>;
};

export type OrderLookupDeps = {
  shopId: string;
  timeZone: string;
  gateway: OrderGateway;
  cache: JsonCache;
  snapshots: SnapshotStore;
  hashEmail: RecordContext['hashEmail'];
  now: () => Date;
  onUpstreamFailure?: (error: unknown) => void;
  /** Concurrent cold lookups of one order (or order number) share one Shopify call. */
  flight?: SingleFlight;
};

export type Sourced<T> = T & { source: 'cache' | 'shopify' | 'snapshot'; stale: boolean };
export type LookupFailure = { ok: false; reason: 'not_found' | 'unavailable' };
type NamedLookup = Sourced<{ ok: true; records: OrderRecord[] }> | LookupFailure;
type SingleLookup = Sourced<{ ok: true; record: OrderRecord }> | LookupFailure;

async function readRecord(deps: OrderLookupDeps, orderId: string): Promise<OrderRecord | null> {
  const cached = await deps.cache.getJson<unknown>(orderCacheKey(deps.shopId, orderId));
  const parsed = orderRecordSchema.safeParse(cached);
  return parsed.success ? parsed.data : null;
}

async function remember(deps: OrderLookupDeps, orders: SourceOrder[]): Promise<OrderRecord[]> {
  const context = { now: deps.now(), timeZone: deps.timeZone, hashEmail: deps.hashEmail };
  const records = orders.map((order) => toOrderRecord(order, context));
  await Promise.all(
    records.map(async (record) => {
      await deps.cache.setJson(orderCacheKey(deps.shopId, record.orderId), record, ORDER_CACHE_TTL_MS);
      await deps.snapshots.saveSnapshot({ ...record, shopId: deps.shopId }).catch(() => undefined);
    }),
  );
  return records;
}

async function readNamedRecords(deps: OrderLookupDeps, nameKey: string): Promise<OrderRecord[] | null> {
  const ids = await deps.cache.getJson<string[]>(nameKey);
  if (!Array.isArray(ids)) return null;
  const records = await Promise.all(ids.map((id) => readRecord(deps, id)));
  return records.every((record): record is OrderRecord => record !== null) ? records : null;
}

const shared = <T>(deps: OrderLookupDeps, key: string, load: () => Promise<T>, readShared: () => Promise<T | null>): Promise<T> =>
  deps.flight ? deps.flight.run(key, load, readShared) : load();

/**
 * The orders whose name carries the typed number. Warm: from the cache, no Shopify call. Cold: one
 * Shopify call for every spelling at once, shared by every concurrent lookup of the same number.
 * Shopify down: the last known snapshots, marked stale.
 */
export async function findOrderRecords(deps: OrderLookupDeps, reference: OrderReference): Promise<NamedLookup> {
  const nameKey = orderNameCacheKey(deps.shopId, reference.number);
  const fromCache = async (): Promise<NamedLookup | null> => {
    const records = await readNamedRecords(deps, nameKey);
    return records ? { ok: true, records, source: 'cache', stale: false } : null;
  };
  const cached = await fromCache();
  if (cached) return cached;
  return shared(
    deps,
    nameKey,
    async (): Promise<NamedLookup> => {
      try {
        const orders = await deps.gateway.findOrdersByNames(reference.candidates);
        const records = await remember(deps, orders);
        const ttl = records.length === 0 ? NEGATIVE_NAME_TTL_MS : ORDER_CACHE_TTL_MS;
        await deps.cache.setJson(
          nameKey,
          records.map((record) => record.orderId),
          ttl,
        );
        return { ok: true, records, source: 'shopify', stale: false };
      } catch (error) {
        deps.onUpstreamFailure?.(error);
        const snapshots = await deps.snapshots.findSnapshotsByName(reference.candidates).catch(() => []);
        if (snapshots.length === 0) return { ok: false, reason: 'unavailable' };
        return { ok: true, records: snapshots, source: 'snapshot', stale: true };
      }
    },
    fromCache,
  );
}

/** One order by id, cache first, then Shopify (one call for concurrent lookups), then the last known snapshot. */
export async function getOrderRecord(deps: OrderLookupDeps, orderId: string): Promise<SingleLookup> {
  const fromCache = async (): Promise<SingleLookup | null> => {
    const record = await readRecord(deps, orderId);
    return record ? { ok: true, record, source: 'cache', stale: false } : null;
  };
  const cached = await fromCache();
  if (cached) return cached;
  return shared(
    deps,
    orderCacheKey(deps.shopId, orderId),
    async (): Promise<SingleLookup> => {
      try {
        const order = await deps.gateway.getOrder(orderId);
        if (!order) return { ok: false, reason: 'not_found' };
        const [record] = await remember(deps, [order]);
        return { ok: true, record: record!, source: 'shopify', stale: false };
      } catch (error) {
        deps.onUpstreamFailure?.(error);
        const snapshot = await deps.snapshots.findSnapshot(orderId).catch(() => null);
        if (!snapshot) return { ok: false, reason: 'unavailable' };
        return { ok: true, record: snapshot, source: 'snapshot', stale: true };
      }
    },
    fromCache,
  );
}
