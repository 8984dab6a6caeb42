import { sql } from 'drizzle-orm';
import { ORDER_AGE_BUCKETS } from '@/domain/analytics/event-metrics';
import type { Database } from '../db/client';
import { num, numOrNull, queryRows, rangeBounds, type DayRange } from './sql-rows';

/*
 * The dashboard's event metrics in SQL, one query each (funnel, volume and share: inquiry-summaries.ts). Each returns exactly what the pure definition of the
 * same name in src/domain/analytics computes over the events in the range (tested in event-queries.test.ts).
 */

const scope = (shopId: string, range: DayRange) => {
  const { start, end } = rangeBounds(range);
  return sql`shop_id = ${shopId} and at >= ${start.toISOString()}::timestamptz and at < ${end.toISOString()}::timestamptz`;
};
export async function queryAnswerTimes(db: Database, shopId: string, range: DayRange) {
  const [row] = await queryRows(
    db,
    sql`select count(*)::int as count, percentile_cont(0.5) within group (order by latency_ms) as p50, percentile_cont(0.95) within group (order by latency_ms) as p95
      from analytics_events where ${scope(shopId, range)} and type = 'answer_sent' and latency_ms is not null`,
  );
  return { count: num(row?.count), p50: numOrNull(row?.p50), p95: numOrNull(row?.p95) };
}

export async function queryStatusCategories(db: Database, shopId: string, range: DayRange) {
  const rows = await queryRows<{ category: string; count: number }>(
    db,
    sql`select status_category as category, count(distinct coalesce(conversation_id, '') || '|' || coalesce(order_id, ''))::int as count
      from analytics_events where ${scope(shopId, range)} and type = 'order_viewed' and status_category is not null
      group by 1 order by 2 desc, 1`,
  );
  return rows.map((r) => ({ category: r.category, count: num(r.count) }));
}

export async function queryOrderAgeAtFirstQuestion(db: Database, shopId: string, range: DayRange) {
  const limits = ORDER_AGE_BUCKETS.map((b) => (Number.isFinite(b.maxMinutes) ? b.maxMinutes : 1e12));
  const [row] = await queryRows(
    db,
    sql`with firsts as (
        select order_id, min((value->>'orderAgeMinutes')::float8) as age from analytics_events
        where ${scope(shopId, range)} and type = 'order_viewed' and order_id is not null and jsonb_typeof(value->'orderAgeMinutes') = 'number'
        group by order_id)
      select count(*)::int as orders, percentile_cont(0.5) within group (order by age) as median,
        count(*) filter (where age <= ${limits[0]})::int as b0,
        count(*) filter (where age > ${limits[0]} and age <= ${limits[1]})::int as b1,
        count(*) filter (where age > ${limits[1]} and age <= ${limits[2]})::int as b2,
        count(*) filter (where age > ${limits[2]} and age <= ${limits[3]})::int as b3,
        count(*) filter (where age > ${limits[3]})::int as b4
      from firsts`,
  );
  const median = numOrNull(row?.median);
  return {
    orders: num(row?.orders),
    medianHours: median === null ? null : median / 60,
    buckets: ORDER_AGE_BUCKETS.map((b, i) => ({ label: b.label, count: num(row?.[`b${i}`]) })),
  };
}

export async function queryRepeatOrders(db: Database, shopId: string, range: DayRange, limit = 50) {
  const rows = await queryRows<{ order_id: string; count: number; last_at: string | Date; total: number }>(
    db,
    sql`select order_id, count(distinct conversation_id)::int as count, max(at) as last_at, count(*) over ()::int as total
      from analytics_events where ${scope(shopId, range)} and type = 'order_viewed' and order_id is not null and conversation_id is not null
      group by order_id having count(distinct conversation_id) > 1 order by 2 desc, 1 limit ${limit}`,
  );
  return { total: num(rows[0]?.total), orders: rows.map((r) => ({ orderId: r.order_id, count: num(r.count), lastAt: new Date(r.last_at) })) };
}
