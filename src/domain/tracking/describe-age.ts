import { translator } from '../i18n/messages';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { formatClock, formatDateTime, formatRelativeAge, parseTime, sameDay } from './format-time';

/** `just now`, `12 minutes ago`, `3 days ago` (`vor 3 Tagen`, `il y a 3 jours`, `3 日前`), worded from the status messages. */
export function formatAge(at: Date, now: Date, locale: Locale = DEFAULT_LOCALE): string {
  return formatRelativeAge(at, now, locale) ?? translator(locale, 'status')('age.justNow');
}

/**
 * Says how old a stored answer is, for stale replies: `as of 14:02, 12 minutes ago` (same day) or
 * `as of Mar 5, 2025, 2:02 PM, 2 days ago`. Times in the shop's zone (UTC when none is given).
 */
export function describeFreshness(fetchedAt: Date | string, now: Date, timeZone = 'UTC', locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale, 'status');
  const at = typeof fetchedAt === 'string' ? parseTime(fetchedAt) : fetchedAt;
  if (!at || Number.isNaN(at.getTime())) return t('freshness.unknown');
  const when = sameDay(at, now, timeZone) ? formatClock(at, timeZone, locale) : formatDateTime(at, timeZone, locale);
  return t('freshness.asOf', { when, age: formatAge(at, now, locale) });
}
