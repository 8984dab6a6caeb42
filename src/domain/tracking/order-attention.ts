import type { ShopperOrderView } from './shopper-order-view';

/**
 * What the shopper should notice first when an order is not going to plan: `delayed` (a parcel still on its way
 * that the carrier reported late or has not scanned for days) or `problem` (a failed delivery or a carrier
 * exception). Null while everything is on track. The badge shows `label`; both states get a way to reach a person.
 */
export type OrderAttention = { kind: 'delayed' | 'problem'; label: string } | null;

const MOVING_STATUSES = new Set<ShopperOrderView['status']>(['shipped', 'in_transit', 'partially_shipped', 'partially_delivered']);

/** Reads the attention state from the shopper-safe view alone, so every door (page, history, widget) agrees. */
export function readOrderAttention(order: Pick<ShopperOrderView, 'status' | 'shipments'>): OrderAttention {
  if (order.status === 'delivery_problem') return { kind: 'problem', label: 'Delivery problem' };
  const delayed = order.shipments.some((shipment) => shipment.status !== 'delivered' && shipment.possiblyDelayed);
  // A parcel out for delivery, attempted or waiting at a pickup point has news of its own: it is not "delayed".
  if (MOVING_STATUSES.has(order.status) && delayed) return { kind: 'delayed', label: 'Delayed' };
  return null;
}
