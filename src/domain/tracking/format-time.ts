/**
 * Dates as shoppers read them: in the shop's IANA time zone (Intl.DateTimeFormat), and ages in words.
 * Every function here is total: a bad time zone falls back to UTC, a bad timestamp yields null.
 */
const LOCALE = 'en-US';
const cache = new Map<string, Intl.DateTimeFormat>();

/** Returns the zone when Intl knows it, else `UTC` (a misconfigured shop must not break a lookup). */
export function safeTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function formatter(timeZone: string, kind: 'datetime' | 'date' | 'time' | 'daykey'): Intl.DateTimeFormat {
  const key = `${timeZone}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'datetime'
        ? { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }
        : kind === 'date'
          ? { weekday: 'long', month: 'long', day: 'numeric' }
          : kind === 'time'
            ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
            : { year: 'numeric', month: '2-digit', day: '2-digit' };
    f = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: safeTimeZone(timeZone) });
    cache.set(key, f);
  }
  return f;
}

/** Parses an ISO timestamp; null for null/invalid input. */
export function parseTime(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `Mar 5, 2025, 4:02 PM EST` in the given zone. */
export function formatDateTime(at: Date, timeZone: string): string {
  return formatter(timeZone, 'datetime').format(at);
}

/** `Friday, March 7` in the given zone (for delivery estimates). */
export function formatDay(at: Date, timeZone: string): string {
  return formatter(timeZone, 'date').format(at);
}

/** `14:02` in the given zone. */
export function formatClock(at: Date, timeZone: string): string {
  return formatter(timeZone, 'time').format(at);
}

/** True when both instants fall on the same calendar day in the zone. */
export function sameDay(a: Date, b: Date, timeZone: string): boolean {
  const f = formatter(timeZone, 'daykey');
  return f.format(a) === f.format(b);
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** `just now`, `12 minutes ago`, `3 hours ago`, `3 days ago`; future instants read `in 2 days`. */
export function formatAge(at: Date, now: Date): string {
  const diff = now.getTime() - at.getTime();
  const abs = Math.abs(diff);
  const minutes = Math.floor(abs / 60_000);
  if (minutes < 1) return 'just now';
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  const span = days >= 1 ? plural(days, 'day') : hours >= 1 ? plural(hours, 'hour') : plural(minutes, 'minute');
  return diff >= 0 ? `${span} ago` : `in ${span}`;
}

/**
 * Says how old a stored answer is, for stale replies: `as of 14:02, 12 minutes ago` (same day) or
 * `as of Mar 5, 2025, 2:02 PM, 2 days ago`. Times in the shop's zone (UTC when none is given).
 */
export function describeFreshness(fetchedAt: Date | string, now: Date, timeZone = 'UTC'): string {
  const at = typeof fetchedAt === 'string' ? parseTime(fetchedAt) : fetchedAt;
  if (!at || Number.isNaN(at.getTime())) return 'as of an unknown time';
  const when = sameDay(at, now, timeZone) ? formatClock(at, timeZone) : formatDateTime(at, timeZone);
  return `as of ${when}, ${formatAge(at, now)}`;
}
