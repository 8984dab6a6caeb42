import type { ShipmentView, ShopperOrderView } from './shopper-order-view';

export type ProgressStepState = 'done' | 'current' | 'upcoming' | 'problem';
/** `labelKey` names the words of the step for other languages (`ui.progress.<labelKey>`); `label` is the English. */
export type ProgressStep = {
  key: 'placed' | 'shipped' | 'out_for_delivery' | 'delivered';
  labelKey: 'placed' | 'shipped' | 'out_for_delivery' | 'delivered' | 'ready_for_pickup' | 'picked_up';
  label: string;
  state: ProgressStepState;
};
/** What the headline says, as data, so a page can word it in the shopper's language with its own date format. */
export type ProgressHeadline = { kind: 'delivered'; at: string | null } | { kind: 'today' } | { kind: 'estimated'; at: string };
/** The stepper and its headline: the delivery date once delivered, else the estimate, else null (no date known). */
export type OrderProgress = { headline: string | null; headlineParts: ProgressHeadline | null; steps: ProgressStep[] };

const SHIPPING_STEPS: Array<Pick<ProgressStep, 'key' | 'labelKey' | 'label'>> = [
  { key: 'placed', labelKey: 'placed', label: 'Placed' },
  { key: 'shipped', labelKey: 'shipped', label: 'Shipped' },
  { key: 'out_for_delivery', labelKey: 'out_for_delivery', label: 'Out for delivery' },
  { key: 'delivered', labelKey: 'delivered', label: 'Delivered' },
];
const PICKUP_STEPS: Array<Pick<ProgressStep, 'key' | 'labelKey' | 'label'>> = [
  { key: 'placed', labelKey: 'placed', label: 'Placed' },
  { key: 'out_for_delivery', labelKey: 'ready_for_pickup', label: 'Ready for pickup' },
  { key: 'delivered', labelKey: 'picked_up', label: 'Picked up' },
];

/** How far one parcel got: 1 shipped or moving, 2 with the last mile (out for delivery, attempted, at a pickup point), 3 delivered. */
function parcelStage(shipment: ShipmentView): number {
  if (shipment.status === 'delivered') return 3;
  if (shipment.status === 'out_for_delivery' || shipment.status === 'attempted_delivery' || shipment.status === 'ready_for_pickup') return 2;
  return 1;
}

/**
 * Placed → shipped → out for delivery → delivered for an order still on its way or delivered (placed → ready →
 * picked up for store pickup). A split order is as far as its least advanced parcel, and only "delivered" once
 * nothing is left to ship; a delivery problem marks the step it stopped before. Null for orders that will not
 * move along it (cancelled, refunded in full, digital, a payment that did not go through).
 */
export function buildOrderProgress(order: ShopperOrderView): OrderProgress | null {
  if (['cancelled', 'refunded', 'digital', 'payment_problem'].includes(order.status)) return null;
  const pickup = order.delivery?.method === 'pickup';
  const stages = order.shipments.map(parcelStage);
  let reached = stages.length === 0 ? 0 : Math.min(...stages);
  if (order.unshippedItemCount > 0) reached = Math.min(reached, stages.length > 0 ? 1 : 0);
  if (order.status === 'delivered') reached = 3;
  if (pickup && order.status === 'ready_for_pickup') reached = 2;
  const problem = order.status === 'delivery_problem' || order.status === 'attempted_delivery';

  const template = pickup ? PICKUP_STEPS : SHIPPING_STEPS;
  const stageOf = (key: ProgressStep['key']) => SHIPPING_STEPS.findIndex((s) => s.key === key);
  const steps = template.map((step): ProgressStep => {
    const stage = stageOf(step.key);
    if (stage < reached || (stage === reached && reached === 3)) return { ...step, state: 'done' };
    if (stage === reached) return { ...step, state: 'current' };
    if (problem && stage === reached + 1) return { ...step, state: 'problem' };
    return { ...step, state: 'upcoming' };
  });
  const { headline, parts } = progressHeadline(order, reached);
  return { headline, headlineParts: parts, steps };
}

function progressHeadline(order: ShopperOrderView, reached: number): { headline: string | null; parts: ProgressHeadline | null } {
  if (reached === 3) {
    const dates = order.shipments.map((s) => s.deliveredAt).filter((d): d is NonNullable<typeof d> => Boolean(d));
    const last = dates.sort((a, b) => a.at.localeCompare(b.at)).at(-1);
    return { headline: last ? `Delivered ${last.display}` : 'Delivered', parts: { kind: 'delivered', at: last?.at ?? null } };
  }
  if (order.status === 'out_for_delivery') return { headline: 'Arriving today', parts: { kind: 'today' } };
  const pending = order.shipments.filter((s) => s.status !== 'delivered' && s.estimatedDelivery);
  const latest = pending
    .map((s) => s.estimatedDelivery!)
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);
  return latest ? { headline: `Estimated delivery ${latest.display}`, parts: { kind: 'estimated', at: latest.at } } : { headline: null, parts: null };
}
