import { FUNNEL_HELP, type WismoFunnel } from '@/domain/analytics/wismo-funnel';
import { PROBLEM_LABELS } from '@/domain/analytics/order-health';
import { localDateTime, localDay } from '@/domain/analytics/shop-days';
import { doorLabel, failureReasonLabel, orderStatusLabel } from '@/domain/analytics/dashboard-labels';
import type { Overview } from '../use-cases/dashboard/load-overview';

export type Cell = string | number | null;
export type Table = { caption: string; columns: string[]; rows: Cell[][] };
export const OVERVIEW_TABLES = ['funnel', 'volume', 'failures', 'status-categories', 'order-age', 'repeat-orders', 'problem-orders', 'carriers'] as const;
export type OverviewTableName = (typeof OVERVIEW_TABLES)[number];
export const EXPORT_TABLES = [...OVERVIEW_TABLES, 'conversations', 'audit'] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

const round = (value: number | null, digits = 1) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);
export const FUNNEL_ORDER: Array<keyof WismoFunnel> = ['questions', 'lookupsAttempted', 'verified', 'answered', 'noPersonNeeded', 'askedAgain'];

/**
 * The overview's tables, as shown under each chart and as exported to CSV (one definition for both). The page
 * shows human `labels` (the shopper's words for a status); a CSV export keeps the stable `codes` for spreadsheets.
 */
export function overviewTables(o: Overview, show: 'labels' | 'codes' = 'labels'): Record<OverviewTableName, Table> {
  const named = (label: (code: string) => string) => (code: string) => (show === 'labels' ? label(code) : code);
  const status = named(orderStatusLabel);
  const door = named(doorLabel);
  const reason = named(failureReasonLabel);
  const first = o.funnel.questions || 1;
  const zone = o.range.timeZone ?? 'UTC';
  const asked = o.statusCategories.reduce((total, s) => total + s.count, 0) || 1;
  return {
    funnel: {
      caption: 'WISMO funnel',
      columns: ['Step', 'Inquiries', 'Share of questions'],
      rows: FUNNEL_ORDER.map((key) => [FUNNEL_HELP[key].label, o.funnel[key], `${round((o.funnel[key] / first) * 100)} %`]),
    },
    volume: {
      caption: 'Order-status questions per day and door',
      columns: ['Day', 'Door', 'Inquiries'],
      rows: o.volume.map((v) => [v.day, door(v.door), v.count]),
    },
    failures: {
      caption: 'Verification failures by reason',
      columns: ['Reason', 'Failures'],
      rows: o.lookups.failuresByReason.map((f) => [reason(f.reason), f.count]),
    },
    'status-categories': {
      caption: 'Status of the orders shoppers asked about',
      columns: ['Status', 'Orders asked about', 'Share'],
      rows: o.statusCategories.map((s) => [status(s.category), s.count, `${round((s.count / asked) * 100)} %`]),
    },
    'order-age': { caption: 'Time from order to first question', columns: ['Order age', 'Orders'], rows: o.orderAge.buckets.map((b) => [b.label, b.count]) },
    'repeat-orders': {
      caption: 'Orders asked about more than once',
      columns: ['Order', 'Inquiries', 'Last asked', ...(show === 'codes' ? ['Order id'] : [])],
      rows: o.repeatOrders.orders.map((r) => [
        r.orderName ?? (show === 'codes' ? null : 'Erased order'),
        r.count,
        localDateTime(r.lastAt, zone),
        ...(show === 'codes' ? [r.orderId] : []),
      ]),
    },
    'problem-orders': {
      caption: `Late and problem orders (unshipped after ${o.thresholds.unfulfilledDays} days, no carrier scan for ${o.thresholds.noScanDays} days, failed or attempted deliveries)`,
      columns: ['Order', 'Problem', 'Status', 'Since', 'Days', 'Questions in range'],
      rows: o.problemOrders.map((p) => [p.orderName, PROBLEM_LABELS[p.problem], status(p.status), localDay(new Date(p.since), zone), p.days, p.questions]),
    },
    carriers: {
      caption: 'Carrier performance: days from shipment to delivery (shipments delivered in range)',
      columns: ['Carrier', 'Shipments', 'Median days', '90th percentile days'],
      rows: o.carriers.map((c) => [c.carrier, c.shipments, round(c.medianDays), round(c.p90Days)]),
    },
  };
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with `'`. */
export function toCsv(table: Table): string {
  const cell = (value: Cell) => {
    let text = value === null ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
