import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { num, numOrNull, queryRows, withinRange, type DayRange } from './sql-rows';

/*
 * Answer-time percentiles, read from the events themselves (percentiles do not roll up; a partial index keeps
 * this an index-only scan). Elsewhere: funnel, volume and share in inquiry-summaries.ts, what shoppers asked
 * about in order-view-queries.ts, counts in rollup-queries.ts. Each returns exactly what the pure definition of
 * the same name in src/domain/analytics computes (tested in event-queries.integration.test.ts).
 */
export async function queryAnswerTimes(db: Database, shopId: string, range: DayRange) {
  const [row] = await queryRows(
    db,
    sql`select count(*)::int as count, percentile_cont(0.5) within group (order by latency_ms) as p50, percentile_cont(0.95) within group (order by latency_ms) as p95
      from analytics_events where shop_id = ${shopId} and ${withinRange('at', range)}
        and type = 'answer_sent' and latency_ms is not null`,
  );
  return { count: num(row?.count), p50: numOrNull(row?.p50), p95: numOrNull(row?.p95) };
}
