import { describe, expect, it } from 'vitest';
import { datePresets, describeChange, previousPeriod, rangeLength } from './date-presets';

describe('date presets and the previous period', () => {
  it('ends the presets today in the shop’s zone (already tomorrow in Tokyo, still yesterday in Los Angeles)', () => {
    const now = new Date('2026-11-30T20:00:00Z');
    expect(datePresets('Asia/Tokyo', now).map((p) => [p.label, p.from, p.to])).toEqual([
      ['Last 7 days', '2026-11-25', '2026-12-01'],
      ['Last 30 days', '2026-11-02', '2026-12-01'],
      ['Last 90 days', '2026-09-03', '2026-12-01'],
    ]);
    expect(datePresets('America/Los_Angeles', now)[0]).toMatchObject({ from: '2026-11-24', to: '2026-11-30' });
    for (const p of datePresets('UTC', now)) expect(rangeLength(p)).toBe(p.days);
  });

  it('compares with the period of the same length just before, across month ends', () => {
    expect(previousPeriod({ from: '2026-11-24', to: '2026-11-30' })).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-02-28', to: '2026-02-28' });
    const ninety = { from: '2026-09-03', to: '2026-12-01' };
    expect(rangeLength(previousPeriod(ninety))).toBe(90);
  });

  it('words a change: counts relative, shares in points, nothing to compare with says so', () => {
    expect(describeChange(120, 100, 'count')).toEqual({ text: '+20 %', direction: 'up' });
    expect(describeChange(75, 100, 'count')).toEqual({ text: '−25 %', direction: 'down' });
    expect(describeChange(5, 0, 'count')).toEqual({ text: '+5 (none before)', direction: 'up' });
    expect(describeChange(0.62, 0.5, 'share')).toEqual({ text: '+12 pts', direction: 'up' });
    expect(describeChange(0.5, 0.5, 'share')).toEqual({ text: '±0 pts', direction: 'same' });
    expect(describeChange(null, 0.5, 'share')).toBeNull();
  });
});
