import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';

/**
 * Dates as shoppers read them: in the shop's IANA time zone and the shopper's language (Intl.DateTimeFormat,
 * Intl.RelativeTimeFormat), the one formatting module every door uses. Every function here is total: a bad time
 * zone falls back to UTC, a bad timestamp yields null.
 */
const LOCALE = 'en-US';

/** The Intl locale of a shopper locale: English dates read the American way, as they always have here. */
const intlLocale = (locale: Locale): string => (locale === 'en' ? LOCALE : locale);

type Kind = 'datetime' | 'date' | 'shortdate' | 'time' | 'daykey';
const cache = new Map<string, Intl.DateTimeFormat>();
const relative = new Map<Locale, Intl.RelativeTimeFormat>();

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

const OPTIONS: Record<Kind, Intl.DateTimeFormatOptions> = {
  datetime: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  date: { weekday: 'long', month: 'long', day: 'numeric' },
  shortdate: { year: 'numeric', month: 'short', day: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  daykey: { year: 'numeric', month: '2-digit', day: '2-digit' },
};

function formatter(timeZone: string, kind: Kind, locale: Locale = DEFAULT_LOCALE): Intl.DateTimeFormat {
  const key = `${timeZone}|${kind}|${locale}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(kind === 'daykey' ? LOCALE : intlLocale(locale), { ...OPTIONS[kind], timeZone: safeTimeZone(timeZone) });
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

/** `Mar 5, 2025, 4:02 PM EST` (en), `5. März 2025, 16:02 MEZ` (de) in the given zone. */
export function formatDateTime(at: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatter(timeZone, 'datetime', locale).format(at);
}

/** `Friday, March 7` (en), `Freitag, 7. März` (de) in the given zone (for delivery estimates). */
export function formatDay(at: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatter(timeZone, 'date', locale).format(at);
}

/** `Mar 5, 2025` (en), `2025年3月5日` (ja) in the given zone (for order dates in lists). */
export function formatDate(at: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatter(timeZone, 'shortdate', locale).format(at);
}

/** `14:02` in the given zone. */
export function formatClock(at: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatter(timeZone, 'time', locale).format(at);
}

/** True when both instants fall on the same calendar day in the zone. */
export function sameDay(a: Date, b: Date, timeZone: string): boolean {
  const f = formatter(timeZone, 'daykey');
  return f.format(a) === f.format(b);
}

/**
 * `12 minutes ago`, `3 hours ago`, `3 days ago` (`vor 3 Tagen`, `il y a 3 jours`, `3 日前`); future instants read
 * `in 2 days`; null under a minute (the caller words "just now" from its messages: this module ships to browsers
 * and carries no message file).
 */
export function formatRelativeAge(at: Date, now: Date, locale: Locale = DEFAULT_LOCALE): string | null {
  const diff = now.getTime() - at.getTime();
  const abs = Math.abs(diff);
  const minutes = Math.floor(abs / 60_000);
  if (minutes < 1) return null;
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  let format = relative.get(locale);
  if (!format) relative.set(locale, (format = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'always' })));
  const sign = diff >= 0 ? -1 : 1;
  return days >= 1 ? format.format(sign * days, 'day') : hours >= 1 ? format.format(sign * hours, 'hour') : format.format(sign * minutes, 'minute');
}

/** A moment of an order view in the shopper's language: the date kinds the tracking UI shows; null for a bad timestamp. */
export function formatMoment(iso: string, timeZone: string, locale: Locale, kind: 'datetime' | 'day' | 'date'): string | null {
  const at = parseTime(iso);
  if (!at) return null;
  return kind === 'day' ? formatDay(at, timeZone, locale) : kind === 'date' ? formatDate(at, timeZone, locale) : formatDateTime(at, timeZone, locale);
}
