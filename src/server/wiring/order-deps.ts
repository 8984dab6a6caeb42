import type { Shop } from '@/domain/shops/shop';
import type { OrderLookupDeps, SnapshotStore } from '@/domain/orders/lookup-order';
import { orderRecordSchema, type OrderRecord } from '@/domain/orders/order-record';
import type { VerifyOrderDeps, Door } from '@/domain/verification/verify-order';
import { normalizeEmail } from '@/domain/verification/normalize-email';
import { keyedHash } from '../crypto/secrets';
import type { Services } from '../services';
import { singleFlightFor } from '../orders/single-flight-for';
import type { OrderSnapshot } from '../orders/snapshot-repository';
import { instrumentGateway, recordVerification, sessionInquiryId, type EventTrack } from '../analytics/lookup-events';

/** Failures are padded to this floor (see verifyOrder); above a typical cold Shopify call. */
export const MINIMUM_FAILURE_MS = 400;

const toRecord = (snapshot: OrderSnapshot): OrderRecord | null => {
  const parsed = orderRecordSchema.safeParse({ ...snapshot, fetchedAt: snapshot.fetchedAt.toISOString() });
  return parsed.success ? parsed.data : null;
};

export function hashEmailFor(services: Services): (email: string) => string | null {
  const key = services.key('audit-hash');
  return (email) => {
    const normalized = normalizeEmail(email);
    return normalized.ok ? keyedHash(normalized.email, key) : null;
  };
}

/** Keyed hash of a client address for limits and the audit log; an unknown address stays null (never one shared bucket). */
export function hashClientFor(services: Services): (address: string | null) => string | null {
  const key = services.key('audit-hash');
  return (address) => (address === null ? null : keyedHash(`client:${address}`, key));
}

function snapshotStore(services: Services, shopId: string): SnapshotStore {
  return {
    saveSnapshot: (record) => services.snapshots.saveSnapshot({ ...record, fetchedAt: new Date(record.fetchedAt), view: record.view }),
    findSnapshot: async (orderId) => {
      const snapshot = await services.snapshots.findSnapshot(shopId, orderId);
      return snapshot ? toRecord(snapshot) : null;
    },
    findSnapshotsByName: async (names) =>
      (await services.snapshots.findSnapshotsByName(shopId, names)).map(toRecord).filter((record): record is OrderRecord => record !== null),
  };
}

/** Order lookups for one installed shop: the shared cache, this shop's Admin API, its snapshots. */
export function orderLookupDeps(services: Services, shop: Shop, track?: EventTrack): OrderLookupDeps {
  const credentials = () => services.shops.getShopCredentials(shop);
  return {
    shopId: shop.id,
    timeZone: shop.timezone,
    gateway: instrumentGateway(
      services,
      shop.id,
      {
        findOrdersByNames: async (names) => services.shopify.findOrdersByName(await credentials(), names),
        getOrder: async (orderId) => services.shopify.getOrder(await credentials(), orderId),
      },
      track,
    ),
    cache: services.cache,
    snapshots: snapshotStore(services, shop.id),
    hashEmail: hashEmailFor(services),
    now: () => new Date(),
    flight: singleFlightFor(services.store),
    onUpstreamFailure: (error) =>
      services.logger.warn('shopify lookup failed; serving last known data', {
        shop: shop.domain,
        error: error instanceof Error ? error.message : String(error),
      }),
  };
}

/** `inquiryId`: the conversation id in chat; by default the session's inquiry key (analytics only). */
export function verifyOrderDeps(services: Services, shop: Shop, holderHash: string, door: Door, inquiryId?: string): VerifyOrderDeps {
  const { env } = services;
  const track = { door, inquiryId: inquiryId ?? sessionInquiryId(services, holderHash) };
  const minutes = (value: number) => value * 60 * 1000;
  return {
    ...orderLookupDeps(services, shop, track),
    counters: services.store,
    limits: {
      perHolder: { maxFailures: env.VERIFY_MAX_FAILURES_PER_SESSION, windowMs: minutes(env.VERIFY_SESSION_WINDOW_MINUTES) },
      perClient: { maxFailures: env.VERIFY_MAX_FAILURES_PER_CLIENT, windowMs: minutes(env.VERIFY_CLIENT_WINDOW_MINUTES) },
      perOrder: { maxFailures: env.VERIFY_MAX_FAILURES_PER_ORDER, windowMs: minutes(env.VERIFY_ORDER_WINDOW_MINUTES) },
    },
    nameFormat: shop.settings.orderNameFormat,
    hashClient: hashClientFor(services),
    createGrant: (grant) => services.grants.createGrant({ ...grant, holderHash, shopId: shop.id }),
    audit: (entry) => {
      recordVerification(services, shop.id, track, entry);
      return services.audit.record({ ...entry, shopId: shop.id, door, action: 'verify' });
    },
    grantTtlMs: env.GRANT_TTL_HOURS * 60 * 60 * 1000,
    minimumFailureMs: MINIMUM_FAILURE_MS,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
  };
}
