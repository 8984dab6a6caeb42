import { eq, sql } from 'drizzle-orm';
import { knownTimeZone } from '@/domain/analytics/shop-days';
import { shops } from '../db/schema';
import type { Database } from '../db/client';
import { num, queryRows, type DayRange } from './sql-rows';

/*
 * Counts read from the daily rollup (analytics_daily), so they cost the same whatever the number of events.
 * Equal by construction to the pure definitions over the same days (tested in event-queries.integration.test.ts).
 */

const days = (shopId: string, range: DayRange) => sql`shop_id = ${shopId} and day >= ${range.from} and day <= ${range.to}`;

export async function queryLookupOutcomes(db: Database, shopId: string, range: DayRange) {
  const totals = await queryRows<{ type: string; reason: string; count: number }>(
    db,
    sql`select type, case when type = 'verification_locked_out' then 'locked' else reason end as reason, sum(count)::int as count from analytics_daily
      where ${days(shopId, range)} and type in ('verification_attempted', 'verification_succeeded', 'verification_failed', 'verification_locked_out')
      group by 1, 2`,
  );
  const sum = (type: string) => totals.filter((t) => t.type === type).reduce((total, t) => total + num(t.count), 0);
  const attempted = sum('verification_attempted');
  const succeeded = sum('verification_succeeded');
  const failures = new Map<string, number>();
  for (const t of totals) {
    if (t.type !== 'verification_failed' && t.type !== 'verification_locked_out') continue;
    const reason = t.reason || 'unknown';
    failures.set(reason, (failures.get(reason) ?? 0) + num(t.count));
  }
  const failuresByReason = [...failures].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return { attempted, succeeded, successRate: attempted ? succeeded / attempted : null, failuresByReason };
}

export async function queryCacheUse(db: Database, shopId: string, range: DayRange) {
  const rows = await queryRows<{ type: string; count: number }>(
    db,
    sql`select type, sum(count)::int as count from analytics_daily
      where ${days(shopId, range)} and type in ('cache_hit', 'shopify_call', 'shopify_throttled', 'shopify_failed') group by 1`,
  );
  const count = (type: string) => num(rows.find((r) => r.type === type)?.count);
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

/** Rebuilds a shop's rollup from its events (after a bulk load or a retention delete). */
export async function rebuildDailyRollup(db: Database, shopId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from analytics_daily where shop_id = ${shopId}`);
    const [shop] = await tx.select({ timezone: shops.timezone }).from(shops).where(eq(shops.id, shopId));
    const timeZone = knownTimeZone(shop?.timezone);
    await tx.execute(sql`insert into analytics_daily (shop_id, day, type, door, status_category, reason, count)
      select shop_id, to_char(at at time zone ${timeZone}, 'YYYY-MM-DD'), type, door, coalesce(status_category, ''), coalesce(reason, ''), count(*)::int
      from analytics_events where shop_id = ${shopId} group by 1, 2, 3, 4, 5, 6`);
  });
}
