import { AsyncResource } from 'node:async_hooks';
import { inArray, sql } from 'drizzle-orm';
import { knownTimeZone, localDay } from '@/domain/analytics/shop-days';
import { analyticsEventSchema, type AnalyticsEvent, type EventRecorder, type NewAnalyticsEvent } from '@/domain/analytics/analytics-event';
import { createEventBuffer, type EventBuffer } from '@/domain/analytics/event-buffer';
import type { Database } from '../db/client';
import { analyticsDaily, analyticsEvents, shops } from '../db/schema';
import type { Logger } from '../logger';
import { lockShopsForAnalytics, refreshInquiriesAfter } from './inquiry-summaries';
import { mergeOrderViews } from './order-view-queries';

export type AnalyticsService = EventRecorder & {
  /** Writes everything buffered so far (tests and the dashboard call this before reading). */
  flush(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Inserts a batch, adds it to the daily rollup (days in each shop's time zone) and refreshes its inquiries in one
 * transaction, so they never disagree.
 */
export async function writeEventBatch(db: Database, batch: AnalyticsEvent[]): Promise<void> {
  const shopIds = [...new Set(batch.map((event) => event.shopId))];
  const zones = new Map(
    (await db.select({ id: shops.id, timezone: shops.timezone }).from(shops).where(inArray(shops.id, shopIds))).map((s) => [s.id, knownTimeZone(s.timezone)]),
  );
  const rollup = new Map<string, { shopId: string; day: string; type: string; door: string; statusCategory: string; reason: string; count: number }>();
  for (const event of batch) {
    const row = {
      shopId: event.shopId,
      day: localDay(event.at, zones.get(event.shopId) ?? 'UTC'),
      type: event.type,
      door: event.door,
      statusCategory: event.statusCategory ?? '',
      reason: event.reason ?? '',
    };
    const key = JSON.stringify(row);
    const existing = rollup.get(key);
    if (existing) existing.count += 1;
    else rollup.set(key, { ...row, count: 1 });
  }
  await db.transaction(async (tx) => {
    await lockShopsForAnalytics(tx, shopIds);
    await tx.insert(analyticsEvents).values(batch.map((event) => ({ ...event, value: event.value ?? null })));
    await tx
      .insert(analyticsDaily)
      .values([...rollup.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row))
      .onConflictDoUpdate({
        target: [analyticsDaily.shopId, analyticsDaily.day, analyticsDaily.type, analyticsDaily.door, analyticsDaily.statusCategory, analyticsDaily.reason],
        set: { count: sql`${analyticsDaily.count} + excluded.count` },
      });
    await mergeOrderViews(tx, batch);
    await refreshInquiriesAfter(tx, batch);
  });
}

/**
 * The process's analytics recorder: `record` validates and buffers (never throws, never awaits the database);
 * batches go out every second or 100 events. Write failures are logged and the batch dropped.
 *
 * The buffer's timers and write promises run in the async context the recorder was made in, not the request's
 * that recorded: otherwise each pending write keeps the last requests' context (Next.js request and stream
 * objects) alive, and memory grows with any backlog.
 */
export function createAnalytics(db: Database, logger: Logger, options: { flushIntervalMs?: number; maxBatch?: number } = {}): AnalyticsService {
  const detached = new AsyncResource('analytics-buffer');
  const buffer: EventBuffer = createEventBuffer({
    write: (batch) => writeEventBatch(db, batch),
    onError: (error, dropped) => logger.warn('analytics events dropped', { dropped, error: error instanceof Error ? error.message : String(error) }),
    ...options,
  });
  return {
    record(event: NewAnalyticsEvent) {
      try {
        const parsed = analyticsEventSchema.safeParse({ ...event, at: event.at ?? new Date() });
        if (!parsed.success) {
          logger.warn('analytics event rejected', { type: event.type, issue: parsed.error.issues[0]?.message });
          return;
        }
        detached.runInAsyncScope(() => buffer.push(parsed.data));
      } catch (error) {
        logger.warn('analytics record failed', { error: error instanceof Error ? error.message : String(error) });
      }
    },
    flush: () => detached.runInAsyncScope(() => buffer.flush()),
    close: () => detached.runInAsyncScope(() => buffer.close()),
  };
}
