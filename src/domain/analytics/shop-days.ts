/**
 * Calendar days in a shop's own time zone: the dashboard's ranges, charts and daily rollup use the merchant's
 * day, not UTC's (a New York shop's Monday starts at 05:00 UTC).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock fields of an instant in a zone. */
function wallClock(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** A time zone name the runtime knows, or UTC. */
export function knownTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    formatterFor(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

const two = (n: number) => String(n).padStart(2, '0');
const dayOf = (w: ReturnType<typeof wallClock>) => `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)}`;

/** The shop-local calendar day (YYYY-MM-DD) of an instant. */
export function localDay(at: Date, timeZone: string): string {
  return dayOf(wallClock(at, timeZone));
}

/** The instant a shop-local day (YYYY-MM-DD) begins (the first instant whose local day it is, across DST changes). */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  let guess = midnightUtc;
  // Each pass corrects the guess by the zone's offset there; three settle any offset change around midnight.
  for (let i = 0; i < 3; i++) {
    const w = wallClock(new Date(guess), timeZone);
    const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    guess = midnightUtc - (wallAsUtc - guess);
  }
  // Where midnight does not exist (a DST jump at 00:00), the day starts at the first instant that is on it.
  while (localDay(new Date(guess), timeZone) < day) guess += 15 * 60 * 1000;
  while (localDay(new Date(guess - 1000), timeZone) === day) guess -= 15 * 60 * 1000;
  return new Date(guess);
}

/** [start, end) instants of an inclusive range of shop-local days. */
export function localDayBounds(range: { from: string; to: string }, timeZone: string): { start: Date; end: Date } {
  const next = new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { start: startOfLocalDay(range.from, timeZone), end: startOfLocalDay(next, timeZone) };
}

/** An instant as the shop's wall clock shows it: `YYYY-MM-DD HH:mm` (with `:ss` when asked). */
export function localDateTime(at: Date, timeZone: string, withSeconds = false): string {
  const w = wallClock(at, timeZone);
  return `${dayOf(w)} ${two(w.hour)}:${two(w.minute)}${withSeconds ? `:${two(w.second)}` : ''}`;
}

/** An instant's shop-local time of day (`HH:mm`), with the day in front when it is not `sameDayAs`'s local day. */
export function localTimeOfDay(at: Date, timeZone: string, sameDayAs?: Date): string {
  const full = localDateTime(at, timeZone);
  return sameDayAs && localDay(sameDayAs, timeZone) !== full.slice(0, 10) ? full : full.slice(11);
}
