import type { AnalyticsEvent, EventDoor } from './analytics-event';
import { percentileCont } from './percentile';
import type { InquirySummary } from './inquiry-summary';
import type { OrderView } from './order-views';
import { localDay } from './shop-days';

const countBy = <K extends string>(keys: K[]) => {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
};
const byCountDesc = <T extends { count: number }>(rows: T[], key: (row: T) => string) => rows.sort((a, b) => b.count - a.count || key(a).localeCompare(key(b)));

/** Order-status inquiries per shop-local day and door, each counted on the day and door it began. */
export function computeVolumeByDay(inquiries: readonly InquirySummary[], timeZone = 'UTC'): Array<{ day: string; door: EventDoor; count: number }> {
  const rows = new Map<string, { day: string; door: EventDoor; count: number }>();
  for (const inquiry of inquiries) {
    if (!inquiry.question) continue;
    const day = localDay(inquiry.firstAt, timeZone);
    const key = `${day}|${inquiry.door}`;
    const row = rows.get(key) ?? { day, door: inquiry.door, count: 0 };
    row.count += 1;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.door.localeCompare(b.door));
}

/** Chat conversations, and how many of them asked about an order's status. */
export function computeConversationShare(inquiries: readonly InquirySummary[]): { conversations: number; aboutOrderStatus: number; share: number | null } {
  const conversations = inquiries.filter((i) => i.started).length;
  const aboutOrderStatus = inquiries.filter((i) => i.started && i.question).length;
  return { conversations, aboutOrderStatus, share: conversations ? aboutOrderStatus / conversations : null };
}

/** Verification attempts and outcomes; failures by reason (lock-outs as `locked`). */
export function computeLookupOutcomes(events: readonly AnalyticsEvent[]) {
  const attempted = events.filter((e) => e.type === 'verification_attempted').length;
  const succeeded = events.filter((e) => e.type === 'verification_succeeded').length;
  const failures = countBy(
    events.flatMap((e) => (e.type === 'verification_failed' ? [e.reason ?? 'unknown'] : e.type === 'verification_locked_out' ? ['locked'] : [])),
  );
  const failuresByReason = byCountDesc(
    [...failures].map(([reason, count]) => ({ reason, count })),
    (r) => r.reason,
  );
  return { attempted, succeeded, successRate: attempted ? succeeded / attempted : null, failuresByReason };
}

/** Agent answer time percentiles (ms), over `answer_sent` latencies. */
export function computeAnswerTimes(events: readonly AnalyticsEvent[]): { count: number; p50: number | null; p95: number | null } {
  const latencies = events.flatMap((e) => (e.type === 'answer_sent' && typeof e.latencyMs === 'number' ? [e.latencyMs] : []));
  return { count: latencies.length, p50: percentileCont(latencies, 0.5), p95: percentileCont(latencies, 0.95) };
}

/** Lookups served from the cache vs Shopify calls made, and Shopify trouble. */
export function computeCacheUse(events: readonly AnalyticsEvent[]) {
  const count = (type: AnalyticsEvent['type']) => events.filter((e) => e.type === type).length;
  const cacheHits = count('cache_hit');
  const shopifyCalls = count('shopify_call');
  return {
    cacheHits,
    shopifyCalls,
    throttled: count('shopify_throttled'),
    failed: count('shopify_failed'),
    hitRate: cacheHits + shopifyCalls ? cacheHits / (cacheHits + shopifyCalls) : null,
  };
}

/** Status categories of the orders shown: each (inquiry, order) pair counts once per category it was shown with. */
export function computeStatusCategories(views: readonly OrderView[]): Array<{ category: string; count: number }> {
  return byCountDesc(
    [...countBy(views.flatMap((v) => v.categories))].map(([category, count]) => ({ category, count })),
    (r) => r.category,
  );
}

export const ORDER_AGE_BUCKETS = [
  { label: 'Under 1 day', maxMinutes: 24 * 60 },
  { label: '1–3 days', maxMinutes: 3 * 24 * 60 },
  { label: '3–7 days', maxMinutes: 7 * 24 * 60 },
  { label: '7–14 days', maxMinutes: 14 * 24 * 60 },
  { label: '14 days or more', maxMinutes: Number.POSITIVE_INFINITY },
] as const;

/** Per order, its age when first shown to a shopper; the distribution in buckets and the median (hours). */
export function computeOrderAgeAtFirstQuestion(views: readonly OrderView[]) {
  const first = new Map<string, number>();
  for (const view of views) {
    if (view.minAgeMinutes === null) continue;
    first.set(view.orderId, Math.min(first.get(view.orderId) ?? Number.POSITIVE_INFINITY, view.minAgeMinutes));
  }
  const ages = [...first.values()];
  const buckets = ORDER_AGE_BUCKETS.map((bucket, index) => {
    const min = index === 0 ? -1 : ORDER_AGE_BUCKETS[index - 1]!.maxMinutes;
    return { label: bucket.label, count: ages.filter((age) => age > min && age <= bucket.maxMinutes).length };
  });
  const median = percentileCont(ages, 0.5);
  return { orders: ages.length, medianHours: median === null ? null : median / 60, buckets };
}

/** Orders shown in more than one inquiry: how many inquiries, and when last. */
export function computeRepeatOrders(views: readonly OrderView[], limit = 50) {
  const byOrder = new Map<string, { inquiries: number; lastAt: number }>();
  for (const view of views) {
    if (!view.inquiryId) continue;
    const row = byOrder.get(view.orderId) ?? { inquiries: 0, lastAt: 0 };
    row.inquiries += 1;
    row.lastAt = Math.max(row.lastAt, view.lastAt.getTime());
    byOrder.set(view.orderId, row);
  }
  const rows = [...byOrder].filter(([, row]) => row.inquiries > 1).map(([orderId, row]) => ({ orderId, count: row.inquiries, lastAt: new Date(row.lastAt) }));
  return { total: rows.length, orders: byCountDesc(rows, (r) => r.orderId).slice(0, limit) };
}
