import { sql } from 'drizzle-orm';
import type { EventDoor } from '@/domain/analytics/analytics-event';
import { ORDER_AGE_BUCKETS } from '@/domain/analytics/event-metrics';
import type { WismoFunnel } from '@/domain/analytics/wismo-funnel';
import type { Database } from '../db/client';
import { num, numOrNull, queryRows, rangeBounds, type DayRange } from './sql-rows';

/*
 * The dashboard's event metrics in SQL, one query each. Each returns exactly what the pure definition of the
 * same name in src/domain/analytics computes over the events in the range (tested in event-queries.test.ts).
 */

const scope = (shopId: string, range: DayRange) => {
  const { start, end } = rangeBounds(range);
  return sql`shop_id = ${shopId} and at >= ${start.toISOString()}::timestamptz and at < ${end.toISOString()}::timestamptz`;
};
const QUESTION = sql`(type in ('verification_attempted', 'deep_link_opened', 'magic_link_used', 'order_viewed') or (type = 'intent_detected' and value->>'wismo' = 'true'))`;

export async function queryWismoFunnel(db: Database, shopId: string, range: DayRange): Promise<WismoFunnel> {
  const [row] = await queryRows(
    db,
    sql`with inq as (
      select conversation_id as c,
        bool_or(${QUESTION}) as q,
        bool_or(type in ('verification_attempted', 'deep_link_opened', 'magic_link_used')) as l,
        bool_or(type in ('verification_succeeded', 'deep_link_opened', 'magic_link_used')) as v,
        min(at) filter (where type = 'order_viewed') as first_answer,
        min(at) filter (where type = 'handoff_requested') as first_handoff
      from analytics_events where ${scope(shopId, range)} and conversation_id is not null
      group by conversation_id
    ), answered as (
      select c, first_answer, first_handoff <= first_answer + interval '72 hours' as person from inq where q and l and v and first_answer is not null
    ), asked as (
      select conversation_id as c, order_id, type, at from analytics_events
      where ${scope(shopId, range)} and conversation_id is not null and order_id is not null and type in ('order_viewed', 'verification_succeeded', 'deep_link_opened')
    ), again as (
      select distinct a.c from answered a
      join (select distinct c, order_id from asked where type = 'order_viewed') mine on mine.c = a.c
      join asked other on other.order_id = mine.order_id and other.c <> a.c
        and other.at > a.first_answer and other.at <= a.first_answer + interval '72 hours'
    )
    select
      (select count(*) from inq where q)::int as questions,
      (select count(*) from inq where q and l)::int as lookups,
      (select count(*) from inq where q and l and v)::int as verified,
      (select count(*) from answered)::int as answered,
      (select count(*) from answered where person is not true)::int as no_person,
      (select count(*) from again)::int as asked_again,
      (select count(*) from answered a where person is not true and not exists (select 1 from again g where g.c = a.c))::int as resolved`,
  );
  return {
    questions: num(row?.questions),
    lookupsAttempted: num(row?.lookups),
    verified: num(row?.verified),
    answered: num(row?.answered),
    noPersonNeeded: num(row?.no_person),
    askedAgain: num(row?.asked_again),
    resolved: num(row?.resolved),
  };
}

export async function queryVolumeByDay(db: Database, shopId: string, range: DayRange) {
  const rows = await queryRows<{ day: string; door: string; count: number }>(
    db,
    sql`select to_char(at at time zone 'UTC', 'YYYY-MM-DD') as day, door, count(distinct conversation_id)::int as count
      from analytics_events where ${scope(shopId, range)} and conversation_id is not null and ${QUESTION}
      group by 1, 2 order by 1, 2`,
  );
  return rows.map((r) => ({ day: r.day, door: r.door as EventDoor, count: num(r.count) }));
}

export async function queryConversationShare(db: Database, shopId: string, range: DayRange) {
  const [row] = await queryRows(
    db,
    sql`select count(*) filter (where started)::int as conversations, count(*) filter (where started and wismo)::int as wismo
      from (select bool_or(type = 'conversation_started') as started, bool_or(${QUESTION}) as wismo
        from analytics_events where ${scope(shopId, range)} and conversation_id is not null group by conversation_id) per_conversation`,
  );
  const conversations = num(row?.conversations);
  const aboutOrderStatus = num(row?.wismo);
  return { conversations, aboutOrderStatus, share: conversations ? aboutOrderStatus / conversations : null };
}

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
