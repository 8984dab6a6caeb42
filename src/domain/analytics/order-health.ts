import type { ShopperOrderView } from '../tracking/shopper-order-view';
import { percentileCont } from './percentile';

export type SnapshotOrder = { orderId: string; orderName: string; view: ShopperOrderView };
export type ProblemKind = 'unfulfilled' | 'no_carrier_scan' | 'delivery_failed' | 'delivery_attempted' | 'payment_failed';
export type ProblemOrder = { orderId: string; orderName: string; status: string; problem: ProblemKind; since: string; days: number };
export type HealthThresholds = { unfulfilledDays: number; noScanDays: number };
export const DEFAULT_THRESHOLDS: HealthThresholds = { unfulfilledDays: 3, noScanDays: 5 };

export const PROBLEM_LABELS: Record<ProblemKind, string> = {
  unfulfilled: 'Paid, not shipped',
  no_carrier_scan: 'Shipped, no carrier scan',
  delivery_failed: 'Delivery failed',
  delivery_attempted: 'Delivery attempted',
  payment_failed: "Payment didn't go through",
};

const DAY_MS = 24 * 60 * 60 * 1000;
const daysSince = (iso: string, now: Date) => Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);

/** When a shipment was handed over (its `shipped` timeline entry), or null. */
function shippedAt(view: ShopperOrderView, shipmentId: string): string | null {
  return view.timeline.find((entry) => entry.kind === 'shipped' && entry.shipmentId === shipmentId)?.at ?? null;
}

/** What the problem rules need from an order's view; stored with each snapshot so the table is one plain query. */
export type OrderHealthFacts = {
  status: ShopperOrderView['status'];
  placedAt: string;
  unshippedItemCount: number;
  /** The first shipment with a failed delivery: its last scan (or the order date when it has none). */
  failedSince: string | null;
  /** Likewise for an attempted delivery. */
  attemptedSince: string | null;
  /** Among shipments on their way, the oldest last carrier scan (or hand-over when never scanned). */
  quietSince: string | null;
};

export function orderHealthFacts(view: ShopperOrderView): OrderHealthFacts {
  const since = (status: string) => {
    const shipment = view.shipments.find((s) => s.status === status);
    return shipment ? (shipment.latestEvent?.at ?? view.placedAt.at) : null;
  };
  const quiet = view.shipments
    .filter((s) => s.status === 'shipped' || s.status === 'in_transit')
    .flatMap((s) => {
      const at = s.latestEvent?.at ?? shippedAt(view, s.id);
      return at ? [at] : [];
    })
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return {
    status: view.status,
    placedAt: view.placedAt.at,
    unshippedItemCount: view.unshippedItemCount,
    failedSince: since('delivery_problem'),
    attemptedSince: since('attempted_delivery'),
    quietSince: quiet ?? null,
  };
}

/**
 * The most serious problem of one order, or null: failed, then attempted delivery, then a payment that didn't go
 * through (nothing ships until the merchant or the shopper acts), then no scan, then unshipped.
 */
export function classifyProblem(
  facts: OrderHealthFacts,
  now: Date,
  thresholds: HealthThresholds = DEFAULT_THRESHOLDS,
): { problem: ProblemKind; since: string } | null {
  if (facts.status === 'cancelled' || facts.status === 'refunded') return null;
  if (facts.failedSince) return { problem: 'delivery_failed', since: facts.failedSince };
  if (facts.attemptedSince) return { problem: 'delivery_attempted', since: facts.attemptedSince };
  if (facts.status === 'payment_problem') return { problem: 'payment_failed', since: facts.placedAt };
  if (facts.quietSince && daysSince(facts.quietSince, now) >= thresholds.noScanDays) return { problem: 'no_carrier_scan', since: facts.quietSince };
  const paidUnshipped = (facts.status === 'confirmed' || facts.status === 'partially_shipped') && facts.unshippedItemCount > 0;
  if (paidUnshipped && daysSince(facts.placedAt, now) >= thresholds.unfulfilledDays) return { problem: 'unfulfilled', since: facts.placedAt };
  return null;
}

const PROBLEM_RANK: Record<ProblemKind, number> = { delivery_failed: 0, delivery_attempted: 1, payment_failed: 2, no_carrier_scan: 3, unfulfilled: 4 };

/** Problem rows, most serious first, then the longest-standing. */
export function problemRows(
  orders: ReadonlyArray<{ orderId: string; orderName: string; facts: OrderHealthFacts }>,
  now: Date,
  thresholds: HealthThresholds = DEFAULT_THRESHOLDS,
): ProblemOrder[] {
  return orders
    .flatMap(({ orderId, orderName, facts }) => {
      const found = classifyProblem(facts, now, thresholds);
      return found ? [{ orderId, orderName, status: facts.status, ...found, days: daysSince(found.since, now) }] : [];
    })
    .sort((a, b) => PROBLEM_RANK[a.problem] - PROBLEM_RANK[b.problem] || b.days - a.days || a.orderName.localeCompare(b.orderName));
}

/**
 * Orders that need the merchant: paid but not shipped after `unfulfilledDays`; a shipment in transit with no
 * carrier scan for `noScanDays` (since the last scan, or since shipping when there was none); failed or attempted
 * deliveries; a payment that didn't go through. One row per order, the most serious problem first. Cancelled and refunded orders are left out.
 */
export const findProblemOrders = (orders: readonly SnapshotOrder[], now: Date, thresholds: HealthThresholds = DEFAULT_THRESHOLDS): ProblemOrder[] =>
  problemRows(
    orders.map((o) => ({ orderId: o.orderId, orderName: o.orderName, facts: orderHealthFacts(o.view) })),
    now,
    thresholds,
  );

export type ShipmentDelivery = { shipmentId: string; carrier: string; shippedAt: string; deliveredAt: string };

/** Delivered shipments with a known carrier and a delivery no earlier than their hand-over. */
export function deliveredShipments(view: ShopperOrderView): ShipmentDelivery[] {
  return view.shipments.flatMap((shipment) => {
    const shipped = shippedAt(view, shipment.id);
    if (!shipment.carrier || !shipment.deliveredAt || !shipped) return [];
    const days = (Date.parse(shipment.deliveredAt.at) - Date.parse(shipped)) / DAY_MS;
    if (!Number.isFinite(days) || days < 0) return [];
    return [{ shipmentId: shipment.id, carrier: shipment.carrier, shippedAt: shipped, deliveredAt: shipment.deliveredAt.at }];
  });
}

/** Days from shipment to delivery per carrier: count, median, p90. */
export function computeCarrierPerformance(
  deliveries: readonly ShipmentDelivery[],
): Array<{ carrier: string; shipments: number; medianDays: number | null; p90Days: number | null }> {
  const byCarrier = new Map<string, number[]>();
  for (const delivery of deliveries) {
    const days = (Date.parse(delivery.deliveredAt) - Date.parse(delivery.shippedAt)) / DAY_MS;
    byCarrier.set(delivery.carrier, [...(byCarrier.get(delivery.carrier) ?? []), days]);
  }
  return [...byCarrier]
    .map(([carrier, days]) => ({ carrier, shipments: days.length, medianDays: percentileCont(days, 0.5), p90Days: percentileCont(days, 0.9) }))
    .sort((a, b) => b.shipments - a.shipments || a.carrier.localeCompare(b.carrier));
}
