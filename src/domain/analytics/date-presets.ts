import { localDay } from './shop-days';

export const PRESET_DAYS = [7, 30, 90] as const;
export type DayRangeText = { from: string; to: string };

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Length of an inclusive range of days. */
export const rangeLength = (range: DayRangeText) => Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;

/** "Last N days" ending today in the shop's zone, as Shopify's analytics offer them. */
export function datePresets(timeZone: string, now: Date): Array<DayRangeText & { days: number; label: string }> {
  const today = localDay(now, timeZone);
  return PRESET_DAYS.map((days) => ({ days, label: `Last ${days} days`, from: addDays(today, 1 - days), to: today }));
}

/** The period of the same length that ends the day before `range` starts: what the headline numbers compare with. */
export function previousPeriod(range: DayRangeText): DayRangeText {
  return { from: addDays(range.from, -rangeLength(range)), to: addDays(range.from, -1) };
}

/**
 * A headline number's change against the previous period, in words: counts as a relative change (none when
 * there was nothing before), shares (0–1) in percentage points. Null when either side is unknown.
 */
export function describeChange(
  current: number | null,
  previous: number | null,
  kind: 'count' | 'share',
): { text: string; direction: 'up' | 'down' | 'same' } | null {
  if (current === null || previous === null) return null;
  const diff = current - previous;
  const direction = Math.abs(diff) < 1e-9 ? 'same' : diff > 0 ? 'up' : 'down';
  const sign = direction === 'up' ? '+' : direction === 'down' ? '−' : '±';
  if (kind === 'share') return { text: `${sign}${Math.round(Math.abs(diff) * 1000) / 10} pts`, direction };
  if (previous === 0) return { text: direction === 'same' ? 'no change' : `${sign}${Math.abs(diff)} (none before)`, direction };
  return { text: `${sign}${Math.round((Math.abs(diff) / previous) * 1000) / 10} %`, direction };
}
