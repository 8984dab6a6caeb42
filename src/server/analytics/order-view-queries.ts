import { sql, type SQL } from 'drizzle-orm';
import type { AnalyticsEvent } from '@/domain/analytics/analytics-event';
import { ORDER_AGE_BUCKETS } from '@/domain/analytics/event-metrics';
import { summarizeOrderViews } from '@/domain/analytics/order-views';
import type { Database } from '../db/client';
import { analyticsOrderViews } from '../db/schema';
import { num, numOrNull, queryRows, sqlList, withinRange, type DayRange } from './sql-rows';

type Executor = Pick<Database, 'insert' | 'execute'>;

/** Folds a batch's order views into analytics_order_views (every merge is order-independent; rows go in key order). */
export async function mergeOrderViews(tx: Executor, batch: readonly AnalyticsEvent[]): Promise<void> {
  const shopIds = [...new Set(batch.map((event) => event.shopId))];
  const rows = shopIds
    .flatMap((shopId) => summarizeOrderViews(batch.filter((event) => event.shopId === shopId)).map((view) => ({ shopId, ...view })))
    .sort((a, b) => (`${a.shopId}|${a.orderId}|${a.inquiryId}` < `${b.shopId}|${b.orderId}|${b.inquiryId}` ? -1 : 1));
  if (rows.length === 0) return;
  await tx
    .insert(analyticsOrderViews)
    .values(rows)
    .onConflictDoUpdate({
      target: [analyticsOrderViews.shopId, analyticsOrderViews.orderId, analyticsOrderViews.inquiryId],
      set: {
        firstAt: sql`least(${analyticsOrderViews.firstAt}, excluded.first_at)`,
        lastAt: sql`greatest(${analyticsOrderViews.lastAt}, excluded.last_at)`,
        minAgeMinutes: sql`least(${analyticsOrderViews.minAgeMinutes}, excluded.min_age_minutes)`,
        categories: sql`array(select c from (select distinct c from unnest(${analyticsOrderViews.categories} || excluded.categories) c) d order by c collate "C")`,
      },
    });
}

/** Rebuilds a shop's order views from its events (after a bulk load); drizzle/0001 backfills with the same statement. */
export async function rebuildOrderViews(db: Database, shopId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from analytics_order_views where shop_id = ${shopId}`);
    await tx.execute(insertOrderViewsWhere(sql`shop_id = ${shopId}`));
  });
}

const insertOrderViewsWhere = (which: SQL) => sql`
  insert into analytics_order_views (shop_id, order_id, inquiry_id, first_at, last_at, min_age_minutes, categories)
  select shop_id, order_id, coalesce(conversation_id, ''), min(at), max(at),
    min((value->>'orderAgeMinutes')::float8) filter (where jsonb_typeof(value->'orderAgeMinutes') = 'number'),
    array(select c from (select distinct c from unnest(array_agg(status_category)) c where c <> '') d order by c collate "C")
  from analytics_events where type = 'order_viewed' and order_id is not null and ${which}
  group by 1, 2, 3`;

const firstShownIn = (shopId: string, range: DayRange) => sql`shop_id = ${shopId} and ${withinRange('first_at', range)}`;

export async function queryStatusCategories(db: Database, shopId: string, range: DayRange) {
  const rows = await queryRows<{ category: string; count: number }>(
    db,
    sql`select c as category, count(*)::int as count from analytics_order_views, unnest(categories) c
      where ${firstShownIn(shopId, range)} group by 1 order by 2 desc, 1`,
  );
  return rows.map((r) => ({ category: r.category, count: num(r.count) }));
}

export async function queryOrderAgeAtFirstQuestion(db: Database, shopId: string, range: DayRange) {
  const limits = ORDER_AGE_BUCKETS.map((b) => (Number.isFinite(b.maxMinutes) ? b.maxMinutes : 1e12));
  const [row] = await queryRows(
    db,
    sql`with firsts as (
        select order_id, min(min_age_minutes) as age from analytics_order_views
        where ${firstShownIn(shopId, range)} and min_age_minutes is not null group by order_id)
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

/** Orders shown in more than one inquiry, with the order's name (#1001) from its last snapshot (null once erased). */
export async function queryRepeatOrders(db: Database, shopId: string, range: DayRange, limit = 50) {
  const rows = await queryRows<{ order_id: string; order_name: string | null; count: number; last_at: string | Date; total: number }>(
    db,
    sql`select v.order_id, s.order_name, count(*)::int as count, max(v.last_at) as last_at, count(*) over ()::int as total
      from (select * from analytics_order_views where ${firstShownIn(shopId, range)} and inquiry_id <> '') v
      left join order_snapshots s on s.shop_id = v.shop_id and s.order_id = v.order_id
      group by v.order_id, s.order_name having count(*) > 1 order by 3 desc, 1 limit ${limit}`,
  );
  return {
    total: num(rows[0]?.total),
    orders: rows.map((r) => ({ orderId: r.order_id, orderName: r.order_name, count: num(r.count), lastAt: new Date(r.last_at) })),
  };
}

/** Inquiries that were shown each of `orderIds`, counted in the range of their first view. */
export async function countInquiriesPerOrder(db: Database, shopId: string, orderIds: readonly string[], range: DayRange): Promise<Map<string, number>> {
  if (orderIds.length === 0) return new Map();
  const rows = await queryRows<{ order_id: string; count: number }>(
    db,
    sql`select order_id, count(*)::int as count from analytics_order_views
      where ${firstShownIn(shopId, range)} and inquiry_id <> '' and order_id in (${sqlList(orderIds)}) group by 1`,
  );
  return new Map(rows.map((r) => [r.order_id, num(r.count)]));
}
