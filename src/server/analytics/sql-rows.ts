import { sql, type SQL } from 'drizzle-orm';
import { knownTimeZone, localDayBounds } from '@/domain/analytics/shop-days';
import type { Database } from '../db/client';

/** Rows of a raw query on either driver (postgres-js returns an array, PGlite `{ rows }`). */
export async function queryRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
export const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** A dashboard date range: whole days in the shop's time zone (UTC when none), `from` and `to` inclusive (YYYY-MM-DD). */
export type DayRange = { from: string; to: string; timeZone?: string };

export const rangeTimeZone = (range: DayRange) => knownTimeZone(range.timeZone);

export function rangeBounds(range: DayRange): { start: Date; end: Date } {
  return localDayBounds(range, rangeTimeZone(range));
}

/** `column` (a timestamptz) within the range's [start, end) instants. */
export function withinRange(column: string, range: DayRange): SQL {
  const { start, end } = rangeBounds(range);
  return sql`${sql.identifier(column)} >= ${start.toISOString()}::timestamptz and ${sql.identifier(column)} < ${end.toISOString()}::timestamptz`;
}

/** Values for an `in (…)` list, each a bound parameter. */
export const sqlList = (values: readonly string[]): SQL =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
