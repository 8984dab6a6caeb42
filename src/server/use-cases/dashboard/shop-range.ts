import { z } from 'zod';
import { knownTimeZone, localDay } from '@/domain/analytics/shop-days';
import type { DayRange } from '../../analytics/sql-rows';
import { AppError } from '../../app-error';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayString = z
  .string()
  .regex(DAY)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'not a date');

/** The dashboard's date range as asked for; shopRange completes it in the shop's time zone. */
export const rangeInput = z.object({ from: dayString.optional(), to: dayString.optional() });
export type RangeInput = z.infer<typeof rangeInput>;

/** Whole days in the shop's time zone, at most a year; defaults to the last 30 days ending today there. */
export function shopRange(input: RangeInput, timeZone: string, now = new Date()): DayRange {
  const parsed = rangeInput.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'The date range is not valid.');
  const zone = knownTimeZone(timeZone);
  const to = parsed.data.to ?? localDay(now, zone);
  const from = parsed.data.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  if (from > to) throw new AppError('bad_request', 'The start date must not be after the end date.');
  if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) throw new AppError('bad_request', 'Choose a range of at most one year.');
  return { from, to, timeZone: zone };
}
