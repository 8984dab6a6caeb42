import type { ShopperOrderView } from '../tracking/shopper-order-view';
import { percentileCont } from './percentile';

export type SnapshotOrder = { orderId: string; orderName: string; view: ShopperOrderView };
export type ProblemKind = 'unfulfilled' | 'no_carrier_scan' | 'delivery_failed' | 'delivery_attempted';
export type ProblemOrder = { orderId: string; orderName: string; status: string; problem: ProblemKind; since: string; days: number };
export type HealthThresholds = { unfulfilledDays: number; noScanDays: number };
export const DEFAULT_THRESHOLDS: HealthThresholds = { unfulfilledDays: 3, noScanDays: 5 };

export const PROBLEM_LABELS: Record<ProblemKind, string> = {
  unfulfilled: 'Paid, not shipped',
  no_carrier_scan: 'Shipped, no carrier scan',
  delivery_failed: 'Delivery failed',
  delivery_attempted: 'Delivery attempted',
};

const DAY_MS = 24 * 60 * 60 * 1000;
const daysSince = (iso: string, now: Date) => Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);

/** When a shipment was handed over (its `shipped` timeline entry), or null. */
function shippedAt(view: ShopperOrderView, shipmentId: string): string | null {
  return view.timeline.find((entry) => entry.kind === 'shipped' && entry.shipmentId === shipmentId)?.at ?? null;
}

/**
 * Orders that need the merchant: paid but not shipped after `unfulfilledDays`; a shipment in transit with no
 * carrier scan for `noScanDays` (since the last scan, or since shipping when there was none); failed or attempted
 * deliveries. One row per order, the most serious problem first. Cancelled and refunded orders are left out.
 */
export function findProblemOrders(orders: readonly SnapshotOrder[], now: Date, thresholds: HealthThresholds = DEFAULT_THRESHOLDS): ProblemOrder[] {
  const rows: ProblemOrder[] = [];
  for (const { orderId, orderName, view } of orders) {
    if (view.status === 'cancelled' || view.status === 'refunded') continue;
    const row = (problem: ProblemKind, since: string) => rows.push({ orderId, orderName, status: view.status, problem, since, days: daysSince(since, now) });
    const failed = view.shipments.find((s) => s.status === 'delivery_problem');
    const attempted = view.shipments.find((s) => s.status === 'attempted_delivery');
    const stuck = view.shipments
      .filter((s) => s.status === 'shipped' || s.status === 'in_transit')
      .map((s) => s.latestEvent?.at ?? shippedAt(view, s.id))
      .filter((at): at is string => at !== null && daysSince(at, now) >= thresholds.noScanDays)
      .sort()[0];
    const paidUnshipped = (view.status === 'confirmed' || view.status === 'partially_shipped') && view.unshippedItemCount > 0 && daysSince(view.placedAt.at, now) >= thresholds.unfulfilledDays;
    if (failed) row('delivery_failed', failed.latestEvent?.at ?? view.placedAt.at);
    else if (attempted) row('delivery_attempted', attempted.latestEvent?.at ?? view.placedAt.at);
    else if (stuck) row('no_carrier_scan', stuck);
    else if (paidUnshipped) row('unfulfilled', view.placedAt.at);
  }
  const rank: Record<ProblemKind, number> = { delivery_failed: 0, delivery_attempted: 1, no_carrier_scan: 2, unfulfilled: 3 };
  return rows.sort((a, b) => rank[a.problem] - rank[b.problem] || b.days - a.days || a.orderName.localeCompare(b.orderName));
}

/** Days from shipment to delivery per carrier (delivered shipments with a known carrier): count, median, p90. */
export function computeCarrierPerformance(orders: readonly SnapshotOrder[]): Array<{ carrier: string; shipments: number; medianDays: number | null; p90Days: number | null }> {
  const byCarrier = new Map<string, number[]>();
  for (const { view } of orders) {
    for (const shipment of view.shipments) {
      const shipped = shippedAt(view, shipment.id);
      if (!shipment.carrier || !shipment.deliveredAt || !shipped) continue;
      const days = (Date.parse(shipment.deliveredAt.at) - Date.parse(shipped)) / DAY_MS;
      if (!Number.isFinite(days) || days < 0) continue;
      byCarrier.set(shipment.carrier, [...(byCarrier.get(shipment.carrier) ?? []), days]);
    }
  }
  return [...byCarrier]
    .map(([carrier, days]) => ({ carrier, shipments: days.length, medianDays: percentileCont(days, 0.5), p90Days: percentileCont(days, 0.9) }))
    .sort((a, b) => b.shipments - a.shipments || a.carrier.localeCompare(b.carrier));
}
