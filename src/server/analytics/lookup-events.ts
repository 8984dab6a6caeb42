import { toEventDoor } from '@/domain/analytics/analytics-event';
import type { OrderGateway } from '@/domain/orders/lookup-order';
import type { OrderRecord } from '@/domain/orders/order-record';
import { keyedHash } from '../crypto/secrets';
import type { Services } from '../services';

/** Where a lookup came from, so its events land in the right door and inquiry. */
export type EventTrack = { door: string; inquiryId?: string | null };

/**
 * The inquiry key of a browser session (page and link doors have no conversation): a keyed hash of the
 * holder hash, truncated, so analytics rows cannot be joined back to grants.
 */
export function sessionInquiryId(services: Pick<Services, 'key'>, holderHash: string): string {
  return `s_${keyedHash(`inquiry:${holderHash}`, services.key('audit-hash')).slice(0, 24)}`;
}

const errorKind = (error: unknown): string => (error && typeof error === 'object' && 'kind' in error && typeof error.kind === 'string' ? error.kind : 'error');

/** Wraps a shop's Admin API gateway: every call made is a `shopify_call`; failures add `shopify_failed`/`_throttled`. */
export function instrumentGateway(
  services: Pick<Services, 'analytics'>,
  shopId: string,
  gateway: OrderGateway,
  track: EventTrack = { door: 'api' },
): OrderGateway {
  const base = { shopId, door: toEventDoor(track.door), conversationId: track.inquiryId ?? null };
  const timed = async <T>(operation: string, call: () => Promise<T>): Promise<T> => {
    const startedAt = performance.now();
    try {
      const result = await call();
      services.analytics.record({ ...base, type: 'shopify_call', reason: operation, latencyMs: Math.round(performance.now() - startedAt) });
      return result;
    } catch (error) {
      const kind = errorKind(error);
      const latencyMs = Math.round(performance.now() - startedAt);
      services.analytics.record({ ...base, type: 'shopify_call', reason: operation, latencyMs });
      services.analytics.record({ ...base, type: kind === 'throttled' ? 'shopify_throttled' : 'shopify_failed', reason: kind, latencyMs });
      throw error;
    }
  };
  return {
    findOrdersByNames: (names) => timed('find_by_name', () => gateway.findOrdersByNames(names)),
    getOrder: (orderId) => timed('get_order', () => gateway.getOrder(orderId)),
  };
}

type VerifyAudit = { result: 'success' | 'failure' | 'locked' | 'unavailable'; reason: string | null; orderId: string | null };

/** verifyOrder's audit entry as analytics: attempted, then succeeded / failed(reason) / locked_out; a cache-served success is a cache hit. */
export function recordVerification(services: Pick<Services, 'analytics'>, shopId: string, track: EventTrack, entry: VerifyAudit): void {
  const base = { shopId, door: toEventDoor(track.door), conversationId: track.inquiryId ?? null };
  services.analytics.record({ ...base, type: 'verification_attempted' });
  if (entry.result === 'success') {
    services.analytics.record({ ...base, type: 'verification_succeeded', orderId: entry.orderId });
    if (entry.reason === 'cache') services.analytics.record({ ...base, type: 'cache_hit', orderId: entry.orderId });
  } else if (entry.result === 'locked') {
    services.analytics.record({ ...base, type: 'verification_locked_out', reason: 'locked' });
  } else {
    services.analytics.record({
      ...base,
      type: 'verification_failed',
      reason: entry.result === 'unavailable' ? `unavailable:${entry.reason ?? ''}`.slice(0, 80) : (entry.reason ?? 'unknown'),
    });
  }
}

/** An order shown to a shopper, with its status category and how old the order was when they asked. */
export function recordOrderViewed(
  services: Pick<Services, 'analytics'>,
  shopId: string,
  track: EventTrack,
  input: { record: OrderRecord; source?: 'cache' | 'shopify' | 'snapshot'; now?: Date },
): void {
  const base = { shopId, door: toEventDoor(track.door), conversationId: track.inquiryId ?? null, orderId: input.record.orderId };
  const now = input.now ?? new Date();
  const placedAt = Date.parse(input.record.view.placedAt.at);
  const orderAgeMinutes = Number.isFinite(placedAt) ? Math.max(0, Math.round((now.getTime() - placedAt) / 60_000)) : null;
  services.analytics.record({
    ...base,
    at: now,
    type: 'order_viewed',
    statusCategory: input.record.view.status,
    reason: input.source ?? null,
    value: orderAgeMinutes === null ? null : { orderAgeMinutes },
  });
  if (input.source === 'cache') services.analytics.record({ ...base, at: now, type: 'cache_hit' });
}
