import { describe, expect, it } from 'vitest';
import { formatOrderName, learnOrderNameFormat } from './order-name-format';
import { orderNameMatches, parseOrderReference } from './parse-order-reference';

const HASH = { prefix: '#', suffix: '' };
const NT = { prefix: 'NT-', suffix: '' };
const EU = { prefix: '', suffix: '-EU' };

describe('parseOrderReference', () => {
  it.each([
    '#1001',
    '1001',
    'order 1001',
    'Order #1001',
    'ORDER#1001',
    'no. 1001',
    'No.1001',
    'nr 1001',
    'n° 1001',
    'nº1001',
    ' 1 0 0 1 ',
    '＃１００１',
    '１００１',
    'order number: 1001',
    'my order is #1001',
    '#01001',
    '  #1001.  ',
    'Bestellung 1001',
    '#\u200B1001',
    '1001 please',
    '#1001, thanks!',
  ])('reads %j as order number 1001 with nothing else typed', (input) => {
    const parsed = parseOrderReference(input);
    expect(parsed).toMatchObject({ ok: true, number: '1001', prefix: '', suffix: '' });
  });

  it.each([
    ['NT-1001', 'nt', ''],
    ['nt1001', 'nt', ''],
    ['order NT 1001', 'nt', ''],
    ['1001-EU', '', 'eu'],
    ['#1001-eu', '', 'eu'],
    ['1001eu', '', 'eu'],
  ])('keeps the shop prefix/suffix typed in %j', (input, prefix, suffix) => {
    expect(parseOrderReference(input)).toMatchObject({ ok: true, number: '1001', prefix, suffix });
  });

  it('rejects empty, digit-less and oversized input with a reason', () => {
    expect(parseOrderReference('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseOrderReference('   \u200B ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseOrderReference('my order')).toEqual({ ok: false, reason: 'no_digits' });
    expect(parseOrderReference('#')).toEqual({ ok: false, reason: 'no_digits' });
    expect(parseOrderReference('1'.repeat(16))).toEqual({ ok: false, reason: 'too_long' });
    expect(parseOrderReference(`order ${'x'.repeat(100)} 1001`)).toEqual({ ok: false, reason: 'too_long' });
    expect(parseOrderReference('9'.repeat(10_000))).toEqual({ ok: false, reason: 'too_long' });
  });

  it('offers the shop spelling first among the search candidates', () => {
    expect(parseOrderReference('1001', NT)).toMatchObject({ candidates: ['NT-1001', '1001', '#1001'] });
    expect(parseOrderReference('order #1001', HASH)).toMatchObject({ candidates: ['#1001', '1001'] });
    expect(parseOrderReference('1001', EU)).toMatchObject({ candidates: ['1001-EU', '1001', '#1001'] });
    expect(parseOrderReference('nt1001', NT)).toMatchObject({ candidates: ['NT-1001', 'NT1001', '#1001', '1001'] });
  });

  it('does not put the shop spelling first when another prefix was typed', () => {
    const parsed = parseOrderReference('XY-1001', NT);
    expect(parsed.ok && parsed.candidates[0]).toBe('XY-1001');
  });

  it('keeps a shop prefix that looks like a filler word', () => {
    expect(parseOrderReference('NO-1001', { prefix: 'NO-', suffix: '' })).toMatchObject({ prefix: 'no' });
    expect(parseOrderReference('no. 1001')).toMatchObject({ prefix: '' });
  });
});

describe('orderNameMatches', () => {
  it.each([
    ['#1001', '#1001', HASH],
    ['1001', '#1001', HASH],
    ['order 1001', '#1001', HASH],
    ['＃１００１', '#1001', undefined],
    ['1001', 'NT-1001', NT],
    ['#1001', 'NT-1001', NT],
    ['nt1001', 'NT-1001', NT],
    ['NT 1001', 'NT-1001', undefined],
    ['1001', '1001-EU', EU],
    ['#1001-eu', '1001-EU', EU],
    ['1001-EU', '1001-EU', undefined],
    ['#01001', '#1001', HASH],
  ] as const)('%j matches %j', (typed, name, format) => {
    expect(orderNameMatches(typed, name, format)).toBe(true);
  });

  it.each([
    ['#1001', '#10010', HASH],
    ['1001', '#10010', HASH],
    ['#10010', '#1001', HASH],
    ['#1001', '#11001', HASH],
    ['#1001', '#1001-EU', HASH],
    ['#1001', '#1001-EU', undefined],
    ['1001-EU', '#1001', HASH],
    ['1001-EU', '1001', undefined],
    ['1001', 'NT-1001', undefined],
    ['1001', 'NT-1001', HASH],
    ['XY-1001', 'NT-1001', NT],
    ['NT-1001', '#1001', HASH],
    ['1001-US', '1001-EU', EU],
    ['', '#1001', HASH],
    ['order', '#1001', HASH],
    ['#1001', 'no number', HASH],
  ] as const)('%j does not match %j', (typed, name, format) => {
    expect(orderNameMatches(typed, name, format)).toBe(false);
  });

  it('accepts an already parsed reference', () => {
    const ref = parseOrderReference('nt 1001', NT);
    expect(orderNameMatches(ref, 'NT-1001', NT)).toBe(true);
    expect(orderNameMatches(ref, 'NT-1002', NT)).toBe(false);
  });
});

describe('order name format', () => {
  it.each([
    ['#1001', { prefix: '#', suffix: '' }],
    ['NT-1180', { prefix: 'NT-', suffix: '' }],
    ['1055-EU', { prefix: '', suffix: '-EU' }],
    ['weird', HASH],
  ])('learns %j', (name, format) => {
    expect(learnOrderNameFormat(name)).toEqual(format);
  });

  it('round-trips through formatOrderName', () => {
    for (const name of ['#1001', 'NT-1180', '1055-EU', 'SH-42-X']) {
      const format = learnOrderNameFormat(name);
      expect(formatOrderName(format, name.replace(/\D+/g, ''))).toBe(name);
    }
  });
});
