import { sql, type SQL } from 'drizzle-orm';
import type { AnalyticsEvent, EventDoor } from '@/domain/analytics/analytics-event';
import { ASKED_ABOUT_ORDER, RESOLUTION_WINDOW_MS } from '@/domain/analytics/inquiry-summary';
import type { WismoFunnel } from '@/domain/analytics/wismo-funnel';
import { NOT_A_QUESTION, type ProactiveAnswers } from '@/domain/analytics/proactive-answers';
import type { Database } from '../db/client';
import { num, queryRows, rangeTimeZone, sqlList, withinRange, type DayRange } from './sql-rows';

type Executor = Pick<Database, 'execute'>;

const QUESTION = sql`(type in ('verification_attempted', 'deep_link_opened', 'magic_link_used', 'order_viewed') or (type = 'intent_detected' and value->>'wismo' = 'true'))`;
const LOOKUP = sql`type in ('verification_attempted', 'deep_link_opened', 'magic_link_used')`;
const VERIFIED = sql`type in ('verification_succeeded', 'deep_link_opened', 'magic_link_used')`;
const ASKED = sql.raw(`(${[...ASKED_ABOUT_ORDER].map((type) => `'${type}'`).join(', ')})`);

/**
 * Recomputes the summary rows (analytics_inquiries) of the inquiries whose events match `which`, from all their
 * events: the SQL form of summarizeInquiries. drizzle/0001 backfills with the same statement.
 */
function refreshInquiriesWhere(executor: Executor, which: SQL) {
  return executor.execute(sql`
    insert into analytics_inquiries (shop_id, inquiry_id, first_at, door, started, question, lookup, verified, first_answer_at, person_needed, asked_again)
    select s.shop_id, s.inquiry_id, s.first_at, s.door, s.started, s.question, s.lookup, s.verified, s.first_answer_at,
      coalesce(s.first_handoff_at <= s.first_answer_at + interval '72 hours', false),
      s.first_answer_at is not null and exists (
        select 1 from analytics_events mine
        join analytics_events other on other.shop_id = mine.shop_id and other.order_id = mine.order_id
        where mine.shop_id = s.shop_id and mine.conversation_id = s.inquiry_id and mine.type = 'order_viewed'
          and other.type in ${ASKED} and other.conversation_id <> s.inquiry_id
          and other.at > s.first_answer_at and other.at <= s.first_answer_at + interval '72 hours')
    from (
      select shop_id, conversation_id as inquiry_id, min(at) as first_at, (array_agg(door order by at, door))[1] as door,
        bool_or(type = 'conversation_started') as started, bool_or(${QUESTION}) as question, bool_or(${LOOKUP}) as lookup, bool_or(${VERIFIED}) as verified,
        min(at) filter (where type = 'order_viewed') as first_answer_at, min(at) filter (where type = 'handoff_requested') as first_handoff_at
      from analytics_events where conversation_id is not null and ${which}
      group by 1, 2
    ) s
    on conflict (shop_id, inquiry_id) do update set first_at = excluded.first_at, door = excluded.door, started = excluded.started,
      question = excluded.question, lookup = excluded.lookup, verified = excluded.verified, first_answer_at = excluded.first_answer_at,
      person_needed = excluded.person_needed, asked_again = excluded.asked_again`);
}

/**
 * Serialises analytics batch writes per shop across instances until the transaction ends: taken first, in shop
 * order, so each batch's refresh sees every earlier batch and no two batches lock rows in opposite orders.
 */
export async function lockShopsForAnalytics(tx: Executor, shopIds: readonly string[]): Promise<void> {
  for (const shopId of [...new Set(shopIds)].sort()) await tx.execute(sql`select pg_advisory_xact_lock(4242, hashtext(${shopId}))`);
}

/**
 * Brings the summaries up to date with a batch just inserted (same transaction, under lockShopsForAnalytics):
 * the batch's own inquiries, and the inquiries that were shown an order this batch asks about (their "asked
 * again" may have changed).
 */
export async function refreshInquiriesAfter(tx: Executor, batch: readonly AnalyticsEvent[]): Promise<void> {
  const shopIds = [...new Set(batch.map((event) => event.shopId))].sort();
  for (const shopId of shopIds) {
    const events = batch.filter((event) => event.shopId === shopId && event.conversationId);
    if (events.length === 0) continue;
    const inquiries = new Set(events.map((event) => event.conversationId!));
    const asks = events.filter((event) => event.orderId && ASKED_ABOUT_ORDER.has(event.type));
    if (asks.length > 0) {
      // Only an inquiry first answered in the 72 h before an ask can become "asked again"; it viewed the order since.
      const since = new Date(Math.min(...asks.map((event) => event.at.getTime())) - RESOLUTION_WINDOW_MS).toISOString();
      const shown = await queryRows<{ inquiry_id: string }>(
        tx as Database,
        sql`select distinct conversation_id as inquiry_id from analytics_events
          where shop_id = ${shopId} and order_id in (${sqlList([...new Set(asks.map((event) => event.orderId!))])}) and at >= ${since}::timestamptz
            and type = 'order_viewed' and conversation_id is not null`,
      );
      for (const row of shown) inquiries.add(row.inquiry_id);
    }
    await refreshInquiriesWhere(tx, sql`shop_id = ${shopId} and conversation_id in (${sqlList([...inquiries])})`);
  }
}

/** Rebuilds a shop's summaries from its events (after a bulk load). */
export async function rebuildInquiries(db: Database, shopId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from analytics_inquiries where shop_id = ${shopId}`);
    await refreshInquiriesWhere(tx, sql`shop_id = ${shopId}`);
  });
}

const startedIn = (shopId: string, range: DayRange) => sql`shop_id = ${shopId} and ${withinRange('first_at', range)}`;

export async function queryWismoFunnel(db: Database, shopId: string, range: DayRange): Promise<WismoFunnel> {
  const [row] = await queryRows(
    db,
    sql`select count(*) filter (where question)::int as questions,
        count(*) filter (where question and lookup)::int as lookups,
        count(*) filter (where question and lookup and verified)::int as verified,
        count(*) filter (where question and lookup and verified and first_answer_at is not null)::int as answered,
        count(*) filter (where question and lookup and verified and first_answer_at is not null and not person_needed)::int as no_person,
        count(*) filter (where question and lookup and verified and first_answer_at is not null and asked_again)::int as asked_again,
        count(*) filter (where question and lookup and verified and first_answer_at is not null and not person_needed and not asked_again)::int as resolved
      from analytics_inquiries where ${startedIn(shopId, range)}`,
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
    sql`select to_char(first_at at time zone ${rangeTimeZone(range)}, 'YYYY-MM-DD') as day, door, count(*)::int as count
      from analytics_inquiries where ${startedIn(shopId, range)} and question group by 1, 2 order by 1, 2`,
  );
  return rows.map((r) => ({ day: r.day, door: r.door as EventDoor, count: num(r.count) }));
}

export async function queryConversationShare(db: Database, shopId: string, range: DayRange) {
  const [row] = await queryRows(
    db,
    sql`select count(*) filter (where started)::int as conversations, count(*) filter (where started and question)::int as wismo
      from analytics_inquiries where ${startedIn(shopId, range)}`,
  );
  const conversations = num(row?.conversations);
  const aboutOrderStatus = num(row?.wismo);
  return { conversations, aboutOrderStatus, share: conversations ? aboutOrderStatus / conversations : null };
}

/** The SQL form of countProactiveAnswers: proactive greetings in the range, and those the shopper asked nothing after. */
export async function queryProactiveAnswers(db: Database, shopId: string, range: DayRange): Promise<ProactiveAnswers> {
  const [row] = await queryRows(
    db,
    sql`select count(distinct p.conversation_id)::int as proactive,
        count(distinct p.conversation_id) filter (where not exists (
          select 1 from analytics_events q where q.shop_id = p.shop_id and q.conversation_id = p.conversation_id and q.type = 'intent_detected'
            and coalesce(q.reason, '') not in (${sqlList([...NOT_A_QUESTION])})))::int as before_asked
      from analytics_events p where p.shop_id = ${shopId} and p.type = 'proactive_answer' and p.conversation_id is not null and ${withinRange('at', range)}`,
  );
  return { proactiveAnswers: num(row?.proactive), answeredBeforeAsked: num(row?.before_asked) };
}
