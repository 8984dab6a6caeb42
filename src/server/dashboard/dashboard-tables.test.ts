import { describe, expect, it } from 'vitest';
import type { Overview } from '../use-cases/dashboard/load-overview';
import { overviewTables, toCsv } from './dashboard-tables';

describe('toCsv', () => {
  it('quotes separators and neutralises spreadsheet formulas', () => {
    const csv = toCsv({
      caption: 'x',
      columns: ['a', 'b'],
      rows: [
        ['=HYPERLINK("http://x")', 'plain, with comma'],
        [-3, null],
        ['+1', 'line\nbreak'],
      ],
    });
    expect(csv).toBe('a,b\r\n"\'=HYPERLINK(""http://x"")","plain, with comma"\r\n-3,\r\n\'+1,"line\nbreak"\r\n');
  });
});

const overview = {
  range: { from: '2026-11-01', to: '2026-11-30', timeZone: 'America/New_York' },
  funnel: { questions: 4, lookupsAttempted: 3, verified: 3, answered: 3, noPersonNeeded: 2, askedAgain: 1, resolved: 1 },
  volume: [{ day: '2026-11-02', door: 'email_link', count: 2 }],
  lookups: { failuresByReason: [{ reason: 'email_mismatch', count: 3 }] },
  statusCategories: [
    { category: 'in_transit', count: 2 },
    { category: 'ready_for_pickup', count: 1 },
  ],
  orderAge: { buckets: [] },
  repeatOrders: { total: 1, orders: [{ orderId: 'gid://shopify/Order/5550001', orderName: '#1001', count: 2, lastAt: new Date('2026-11-03T04:30:00Z') }] },
  thresholds: { unfulfilledDays: 3, noScanDays: 5 },
  problemOrders: [{ orderName: '#1002', problem: 'no_carrier_scan', status: 'in_transit', since: '2026-11-01T00:00:00Z', days: 6, questions: 1 }],
  carriers: [],
} as unknown as Overview;

describe('overviewTables', () => {
  it('shows human labels on the page: the shopper’s status words, no raw codes, order numbers instead of Shopify ids', () => {
    const tables = overviewTables(overview);
    const shown = JSON.stringify(tables);
    for (const code of ['in_transit', 'ready_for_pickup', 'email_mismatch', 'email_link', 'gid://shopify']) expect(shown).not.toContain(code);
    expect(tables['status-categories'].rows.map((r) => r[0])).toEqual(['On its way', 'Ready for pickup']);
    expect(tables.failures.rows[0]![0]).toBe('Email did not match the order');
    expect(tables['problem-orders'].rows[0]![2]).toBe('On its way');
    expect(tables['repeat-orders'].rows[0]).toEqual(['#1001', 2, '2026-11-02 23:30']);
  });

  it('keeps the stable codes (and the Shopify id next to the order number) in CSV exports', () => {
    const tables = overviewTables(overview, 'codes');
    expect(toCsv(tables['status-categories'])).toContain('in_transit,2,');
    expect(toCsv(tables['status-categories'])).toContain('ready_for_pickup,1,');
    expect(toCsv(tables.failures)).toBe('Reason,Failures\r\nemail_mismatch,3\r\n');
    expect(toCsv(tables.volume)).toContain('2026-11-02,email_link,2');
    expect(toCsv(tables['repeat-orders'])).toBe('Order,Inquiries,Last asked,Order id\r\n#1001,2,2026-11-02 23:30,gid://shopify/Order/5550001\r\n');
  });
});
