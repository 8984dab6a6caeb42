/**
 * Dates as shoppers read them: in the shop's IANA time zone and the shopper's language (Intl.DateTimeFormat,
 * Intl.RelativeTimeFormat), the one formatting module every door uses. Every function here is total: a bad time
 * zone falls back to UTC, an unknown language to English, a bad timestamp yields null.
 */
const DEFAULT_FORMAT_LOCALE = 'en';
/** English keeps the US reading it has always had here (`Mar 5, 2025, 4:02 PM EST`). */
const intlLocale = (locale: string) => (locale === 'en' ? 'en-US' : locale);

type Kind = 'datetime' | 'date' | 'shortdate' | 'time' | 'daykey';
const cache = new Map<string, Intl.DateTimeFormat>();
const relativeCache = new Map<string, Intl.RelativeTimeFormat>();

/** Returns the zone when Intl knows it, else `UTC` (a misconfigured shop must not break a lookup). */
export function safeTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function safeLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([intlLocale(locale)]).length > 0 ? intlLocale(locale) : 'en-US';
  } catch {
    return 'en-US';
  }
}

const OPTIONS: Record<Kind, Intl.DateTimeFormatOptions> = {
  datetime: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  date: { weekday: 'long', month: 'long', day: 'numeric' },
  shortdate: { year: 'numeric', month: 'short', day: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  daykey: { year: 'numeric', month: '2-digit', day: '2-digit' },
};

function formatter(timeZone: string, kind: Kind, locale: string): Intl.DateTimeFormat {
  const key = `${timeZone}|${kind}|${locale}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(kind === 'daykey' ? 'en-US' : safeLocale(locale), { ...OPTIONS[kind], timeZone: safeTimeZone(timeZone) });
    cache.set(key, f);
  }
  return f;
}

function relative(locale: string, numeric: 'always' | 'auto'): Intl.RelativeTimeFormat {
  const key = `${locale}|${numeric}`;
  let f = relativeCache.get(key);
  if (!f) {
    f = new Intl.RelativeTimeFormat(safeLocale(locale), { numeric });
    relativeCache.set(key, f);
  }
  return f;
}

/** Parses an ISO timestamp; null for null/invalid input. */
export function parseTime(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `Mar 5, 2025, 4:02 PM EST` (en), `5. März 2025, 16:02 MEZ` (de) in the given zone. */
export function formatDateTime(at: Date, timeZone: string, locale = DEFAULT_FORMAT_LOCALE): string {
  return formatter(timeZone, 'datetime', locale).format(at);
}

/** `Friday, March 7` (en), `Freitag, 7. März` (de) in the given zone (for delivery estimates). */
export function formatDay(at: Date, timeZone: string, locale = DEFAULT_FORMAT_LOCALE): string {
  return formatter(timeZone, 'date', locale).format(at);
}

/** `Mar 5, 2025` (en), `2025年3月5日` (ja) in the given zone (for order dates in lists). */
export function formatDate(at: Date, timeZone: string, locale = DEFAULT_FORMAT_LOCALE): string {
  return formatter(timeZone, 'shortdate', locale).format(at);
}

/** `14:02` in the given zone. */
export function formatClock(at: Date, timeZone: string, locale = DEFAULT_FORMAT_LOCALE): string {
  return formatter(timeZone, 'time', locale).format(at);
}

/** True when both instants fall on the same calendar day in the zone. */
export function sameDay(a: Date, b: Date, timeZone: string): boolean {
  const f = formatter(timeZone, 'daykey', DEFAULT_FORMAT_LOCALE);
  return f.format(a) === f.format(b);
}

/**
 * `just now`, `12 minutes ago`, `3 days ago`, `in 2 days` (en); `vor 3 Tagen` (de), `il y a 3 jours` (fr),
 * `3 日前` (ja). Under a minute is the language's own "now".
 */
export function formatAge(at: Date, now: Date, locale = DEFAULT_FORMAT_LOCALE): string {
  const diff = now.getTime() - at.getTime();
  const minutes = Math.floor(Math.abs(diff) / 60_000);
  if (minutes < 1) return locale === 'en' ? 'just now' : relative(locale, 'auto').format(0, 'second');
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  const [value, unit] = days >= 1 ? [days, 'day' as const] : hours >= 1 ? [hours, 'hour' as const] : [minutes, 'minute' as const];
  return relative(locale, 'always').format(diff >= 0 ? -value : value, unit);
}

/** A moment of an order view in the shopper's language: the date kinds the tracking UI shows. */
export function formatMoment(iso: string, timeZone: string, locale: string, kind: 'datetime' | 'day' | 'date'): string | null {
  const at = parseTime(iso);
  if (!at) return null;
  return kind === 'day' ? formatDay(at, timeZone, locale) : kind === 'date' ? formatDate(at, timeZone, locale) : formatDateTime(at, timeZone, locale);
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
