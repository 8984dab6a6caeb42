import type { SQL } from 'drizzle-orm';
import type { Database } from '../db/client';

/** Rows of a raw query on either driver (postgres-js returns an array, PGlite `{ rows }`). */
export async function queryRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
export const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** A dashboard date range: whole UTC days, `from` and `to` inclusive (YYYY-MM-DD). */
export type DayRange = { from: string; to: string };

export function rangeBounds(range: DayRange): { start: Date; end: Date } {
  const start = new Date(`${range.from}T00:00:00.000Z`);
  const end = new Date(new Date(`${range.to}T00:00:00.000Z`).getTime() + 24 * 60 * 60 * 1000);
  return { start, end };
}
