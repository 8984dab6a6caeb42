import { describe, expect, it } from 'vitest';
import { exampleOrderName, relearnOrderNameFormat } from './order-name-format';

describe('exampleOrderName', () => {
  it.each([
    [undefined, '#1001'],
    [{ prefix: 'SH-', suffix: '' }, 'SH-1001'],
    [{ prefix: '', suffix: '-EU' }, '1001-EU'],
    [{ prefix: 'NT-', suffix: '' }, 'NT-1001'],
  ])('%j → %s', (format, expected) => {
    expect(exampleOrderName(format)).toBe(expected);
  });
});

describe('relearnOrderNameFormat', () => {
  const at = (day: number) => `2025-03-${String(day).padStart(2, '0')}T12:00:00.000Z`;
  it('learns the format later when the shop had no order at connect time', () => {
    expect(relearnOrderNameFormat({}, { orderName: 'SH-1001', placedAt: at(5) })).toEqual({ prefix: 'SH-', suffix: '' });
  });

  it('follows a newer order in a new format, never an older one, and ignores the same format', () => {
    const stored = { format: { prefix: '#', suffix: '' }, seenAt: at(10) };
    expect(relearnOrderNameFormat(stored, { orderName: 'SH-1200', placedAt: at(11) })).toEqual({ prefix: 'SH-', suffix: '' });
    expect(relearnOrderNameFormat(stored, { orderName: 'OLD-900', placedAt: at(9) })).toBeNull();
    expect(relearnOrderNameFormat(stored, { orderName: '#1300', placedAt: at(12) })).toBeNull();
  });

  it('keeps a format stored without a date, and never learns from a name without a number', () => {
    expect(relearnOrderNameFormat({ format: { prefix: '#', suffix: '' } }, { orderName: 'SH-1200', placedAt: at(11) })).toBeNull();
    expect(relearnOrderNameFormat({}, { orderName: 'Gift', placedAt: at(11) })).toBeNull();
  });
});
