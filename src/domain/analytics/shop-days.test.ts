import { describe, expect, it } from 'vitest';
import { knownTimeZone, localDay, localDayBounds, localTimeOfDay, startOfLocalDay } from './shop-days';

describe('shop-local days', () => {
  it('a New York day starts at 05:00 UTC in winter and 04:00 in summer', () => {
    expect(startOfLocalDay('2026-11-25', 'America/New_York').toISOString()).toBe('2026-11-25T05:00:00.000Z');
    expect(startOfLocalDay('2026-07-01', 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(localDay(new Date('2026-11-25T04:59:59Z'), 'America/New_York')).toBe('2026-11-24');
    expect(localDay(new Date('2026-11-25T05:00:00Z'), 'America/New_York')).toBe('2026-11-25');
  });

  it('days east of UTC and on half-hour offsets', () => {
    expect(startOfLocalDay('2026-11-25', 'Asia/Kolkata').toISOString()).toBe('2026-11-24T18:30:00.000Z');
    expect(startOfLocalDay('2026-11-25', 'Pacific/Auckland').toISOString()).toBe('2026-11-24T11:00:00.000Z');
  });

  it('DST days are 23 and 25 hours long', () => {
    const spring = localDayBounds({ from: '2026-03-08', to: '2026-03-08' }, 'America/New_York');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    const autumn = localDayBounds({ from: '2026-11-01', to: '2026-11-01' }, 'America/New_York');
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(25);
  });

  it('a day whose midnight does not exist starts at the first instant on it', () => {
    // Santiago moves its clocks from 00:00 to 01:00 on the first Sunday of September.
    const start = startOfLocalDay('2026-09-06', 'America/Santiago');
    expect(localDay(start, 'America/Santiago')).toBe('2026-09-06');
    expect(localDay(new Date(start.getTime() - 1000), 'America/Santiago')).toBe('2026-09-05');
  });

  it('unknown zones fall back to UTC', () => {
    expect(knownTimeZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(knownTimeZone(null)).toBe('UTC');
    expect(knownTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(startOfLocalDay('2026-11-25', 'UTC').toISOString()).toBe('2026-11-25T00:00:00.000Z');
  });
});

describe('localTimeOfDay (transcript times under a shop-time heading)', () => {
  it('shows the shop wall clock, not UTC, and the day only when the message is on another local day', () => {
    const started = new Date('2026-07-01T23:50:00Z'); // 19:50 in New York
    expect(localTimeOfDay(new Date('2026-07-01T23:55:00Z'), 'America/New_York', started)).toBe('19:55');
    expect(localTimeOfDay(new Date('2026-07-02T04:10:00Z'), 'America/New_York', started)).toBe('2026-07-02 00:10');
    expect(localTimeOfDay(new Date('2026-01-15T12:05:00Z'), 'Asia/Tokyo')).toBe('21:05');
  });
});
