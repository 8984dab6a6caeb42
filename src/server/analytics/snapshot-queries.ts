import { sql } from 'drizzle-orm';
import { DEFAULT_THRESHOLDS, findProblemOrders, type HealthThresholds, type ProblemOrder } from '@/domain/analytics/order-health';
import { shopperOrderViewSchema } from '@/domain/tracking/shopper-order-view';
import type { Database } from '../db/client';
import { num, numOrNull, queryRows, rangeBounds, type DayRange } from './sql-rows';

/** Statuses that can be a problem; delivered, cancelled, refunded and digital orders never are. */
const OPEN_STATUSES = sql`('confirmed', 'partially_shipped', 'shipped', 'in_transit', 'out_for_delivery', 'attempted_delivery', 'partially_delivered', 'delivery_problem', 'ready_for_pickup', 'on_hold')`;
/** The table shows the oldest problems; a shop with more open orders than this sees the first ones. */
export const PROBLEM_SCAN_LIMIT = 5000;

/**
 * Late and problem orders from the last known snapshots (SQL narrows to open orders; findProblemOrders decides),
 * each with the number of inquiries about it in the range.
 */
export async function queryProblemOrders(
  db: Database,
  shopId: string,
  range: DayRange,
  now: Date,
  thresholds: HealthThresholds = DEFAULT_THRESHOLDS,
): Promise<Array<ProblemOrder & { questions: number }>> {
  const rows = await queryRows<{ order_id: string; order_name: string; view: unknown }>(
    db,
    sql`select order_id, order_name, view from order_snapshots where shop_id = ${shopId} and test = false and view->>'status' in ${OPEN_STATUSES}
      order by view->'placedAt'->>'at' limit ${PROBLEM_SCAN_LIMIT}`,
  );
  const orders = rows.flatMap((row) => {
    const view = shopperOrderViewSchema.safeParse(typeof row.view === 'string' ? JSON.parse(row.view) : row.view);
    return view.success ? [{ orderId: row.order_id, orderName: row.order_name, view: view.data }] : [];
  });
  const problems = findProblemOrders(orders, now, thresholds);
  if (problems.length === 0) return [];
  const { start, end } = rangeBounds(range);
  const ids = problems.map((p) => p.orderId);
  const counts = await queryRows<{ order_id: string; count: number }>(
    db,
    sql`select order_id, count(distinct conversation_id)::int as count from analytics_events
      where shop_id = ${shopId} and order_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and type = 'order_viewed'
        and at >= ${start.toISOString()}::timestamptz and at < ${end.toISOString()}::timestamptz group by 1`,
  );
  const byId = new Map(counts.map((c) => [c.order_id, num(c.count)]));
  return problems.map((p) => ({ ...p, questions: byId.get(p.orderId) ?? 0 }));
}

/** Days from shipment to delivery per carrier for shipments delivered in the range: count, median, p90 (SQL). */
export async function queryCarrierPerformance(db: Database, shopId: string, range: DayRange) {
  const { start, end } = rangeBounds(range);
  const rows = await queryRows<{ carrier: string; shipments: number; median: number; p90: number }>(
    db,
    sql`select carrier, count(*)::int as shipments,
        percentile_cont(0.5) within group (order by days) as median, percentile_cont(0.9) within group (order by days) as p90
      from (
        select s->>'carrier' as carrier,
          extract(epoch from ((s->'deliveredAt'->>'at')::timestamptz - (
            select min((t->>'at')::timestamptz) from jsonb_array_elements(o.view->'timeline') t where t->>'kind' = 'shipped' and t->>'shipmentId' = s->>'id'
          ))) / 86400.0 as days
        from order_snapshots o, jsonb_array_elements(o.view->'shipments') s
        where o.shop_id = ${shopId} and o.test = false and jsonb_typeof(s->'carrier') = 'string' and jsonb_typeof(s->'deliveredAt') = 'object'
          and (s->'deliveredAt'->>'at')::timestamptz >= ${start.toISOString()}::timestamptz and (s->'deliveredAt'->>'at')::timestamptz < ${end.toISOString()}::timestamptz
      ) x
      where days >= 0
      group by carrier order by 2 desc, 1`,
  );
  return rows.map((r) => ({ carrier: r.carrier, shipments: num(r.shipments), medianDays: numOrNull(r.median), p90Days: numOrNull(r.p90) }));
}
