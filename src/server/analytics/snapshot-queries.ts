import { sql } from 'drizzle-orm';
import { DEFAULT_THRESHOLDS, problemRows, type HealthThresholds, type OrderHealthFacts, type ProblemOrder } from '@/domain/analytics/order-health';
import type { Database } from '../db/client';
import { countInquiriesPerOrder } from './order-view-queries';
import { num, numOrNull, queryRows, withinRange, type DayRange } from './sql-rows';

const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string | Date).toISOString());

/**
 * Late and problem orders from the last known snapshots, each with the number of inquiries about it in the
 * range. SQL keeps the snapshots whose stored health facts can be a problem at `now`; problemRows decides and
 * sorts, so the rules live in one place.
 */
export async function queryProblemOrders(
  db: Database,
  shopId: string,
  range: DayRange,
  now: Date,
  thresholds: HealthThresholds = DEFAULT_THRESHOLDS,
): Promise<Array<ProblemOrder & { questions: number }>> {
  const quietBefore = new Date(now.getTime() - thresholds.noScanDays * DAY_MS).toISOString();
  const placedBefore = new Date(now.getTime() - thresholds.unfulfilledDays * DAY_MS).toISOString();
  const rows = await queryRows<{
    order_id: string;
    order_name: string;
    status: string;
    placed_at: unknown;
    unshipped_items: number;
    failed_since: unknown;
    attempted_since: unknown;
    quiet_since: unknown;
  }>(
    db,
    sql`select order_id, order_name, status, placed_at, unshipped_items, failed_since, attempted_since, quiet_since from order_snapshots
      where shop_id = ${shopId} and test = false and status is not null and status not in ('cancelled', 'refunded')
        and (failed_since is not null or attempted_since is not null or quiet_since <= ${quietBefore}::timestamptz
          or (status in ('confirmed', 'partially_shipped') and unshipped_items > 0 and placed_at <= ${placedBefore}::timestamptz))`,
  );
  const orders = rows.map((row) => ({
    orderId: row.order_id,
    orderName: row.order_name,
    facts: {
      status: row.status as OrderHealthFacts['status'],
      placedAt: iso(row.placed_at)!,
      unshippedItemCount: num(row.unshipped_items),
      failedSince: iso(row.failed_since),
      attemptedSince: iso(row.attempted_since),
      quietSince: iso(row.quiet_since),
    },
  }));
  const problems = problemRows(orders, now, thresholds);
  if (problems.length === 0) return [];
  const byId = await countInquiriesPerOrder(
    db,
    shopId,
    problems.map((p) => p.orderId),
    range,
  );
  return problems.map((p) => ({ ...p, questions: byId.get(p.orderId) ?? 0 }));
}

/** Days from shipment to delivery per carrier for shipments delivered in the range: count, median, p90. */
export async function queryCarrierPerformance(db: Database, shopId: string, range: DayRange) {
  const rows = await queryRows<{ carrier: string; shipments: number; median: number; p90: number }>(
    db,
    sql`select carrier, count(*)::int as shipments,
        percentile_cont(0.5) within group (order by days) as median, percentile_cont(0.9) within group (order by days) as p90
      from (select carrier, extract(epoch from delivered_at - shipped_at) / 86400.0 as days from shipment_deliveries
        where shop_id = ${shopId} and ${withinRange('delivered_at', range)}) x
      group by carrier order by 2 desc, 1`,
  );
  return rows.map((r) => ({ carrier: r.carrier, shipments: num(r.shipments), medianDays: numOrNull(r.median), p90Days: numOrNull(r.p90) }));
}
