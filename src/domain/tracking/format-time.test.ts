import { describe, expect, it } from 'vitest';
import type { Locale } from '../i18n/locales';
import { formatAge } from './describe-age';
import { formatDate, formatDateTime, formatDay, formatMoment } from './format-time';

const now = new Date('2025-03-10T14:14:00Z');
const threeDaysAgo = new Date('2025-03-07T12:00:00Z');

describe('format-time in the shopper language and the shop zone', () => {
  it.each<[Locale, string]>([
    ['en', '3 days ago'],
    ['de', 'vor 3 Tagen'],
    ['fr', 'il y a 3 jours'],
    ['es', 'hace 3 días'],
    ['it', '3 giorni fa'],
    ['nl', '3 dagen geleden'],
    ['pt-BR', 'há 3 dias'],
    ['ja', '3 日前'],
  ])('ages in %s: %s', (locale, text) => {
    expect(formatAge(threeDaysAgo, now, locale)).toBe(text);
  });

  it('says "just now" in the language under a minute, and reads future instants', () => {
    expect(formatAge(now, now)).toBe('just now');
    expect(formatAge(now, now, 'de')).toBe('gerade eben');
    expect(formatAge(new Date('2025-03-12T15:00:00Z'), now, 'fr')).toBe('dans 2 jours');
  });

  it('dates in the shop zone: late evening in Los Angeles is still the day before in UTC terms', () => {
    const at = new Date('2025-03-08T05:30:00Z');
    expect(formatDay(at, 'America/Los_Angeles', 'de')).toBe('Freitag, 7. März');
    expect(formatDay(at, 'Europe/Berlin', 'de')).toBe('Samstag, 8. März');
    expect(formatDate(at, 'Asia/Tokyo', 'ja')).toBe('2025年3月8日');
    expect(formatDateTime(at, 'Europe/Paris', 'fr')).toBe('8 mars 2025, 06:30 UTC+1');
  });

  it('is total: an unknown zone is UTC, a bad timestamp null', () => {
    expect(formatDay(new Date('2025-03-08T05:30:00Z'), 'Not/AZone')).toBe('Saturday, March 8');
    expect(formatMoment('nonsense', 'UTC', 'de', 'day')).toBeNull();
    expect(formatMoment('2025-03-08T05:30:00Z', 'UTC', 'ja', 'day')).toBe('3月8日土曜日');
  });
});
