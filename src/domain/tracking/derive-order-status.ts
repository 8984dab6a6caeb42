import type { SourceOrder } from '../orders/source-order';
import type { ShipmentView } from './shopper-order-view';
import { enumKey, isVoidFulfillment, PENDING_SHIPMENT_PRECEDENCE, type OrderStatusCategory } from './status-categories';

/**
 * Order-level status, in this precedence (first rule that applies wins):
 * 1. `cancelled` (a refund or voided payment becomes a note, not a category);
 * 2. `refunded` when refunded in full (a partial refund never hides where the parcel is: it is a note);
 * 3. nothing shipped yet: `payment_problem` (EXPIRED or VOIDED: the payment did not go through, the store must
 *    take it again), `payment_pending` (PENDING, PARTIALLY_PAID, or a hold AWAITING_PAYMENT), `on_hold` (ON_HOLD,
 *    REQUEST_DECLINED; a post-purchase-offer hold is a few minutes and reads `confirmed`), `digital` (no item needs
 *    shipping), else `confirmed` (UNFULFILLED, IN_PROGRESS, SCHEDULED, OPEN, RESTOCKED, PENDING_FULFILLMENT,
 *    AUTHORIZED, local delivery, pickup being prepared and anything unknown);
 * 4. parcels exist: the most urgent state of a parcel still on its way (`delivery_problem` > `attempted_delivery`
 *    > `ready_for_pickup` > `out_for_delivery`), because that is what the shopper must act on; then `delivered`
 *    when every parcel arrived and nothing is left to ship; `partially_delivered` when some arrived and more is
 *    coming; `partially_shipped` when items are still unshipped; `in_transit`; else `shipped` (label created,
 *    handed over, no carrier scan yet). The shipment summary always tells the whole picture.
 */
export function deriveOrderStatus(
  order: SourceOrder,
  shipments: readonly ShipmentView[],
  unshippedItemCount: number,
  holdReason: string | null = null,
): OrderStatusCategory {
  if (order.cancelledAt) return 'cancelled';
  if (refundKind(order) === 'full') return 'refunded';
  const financial = enumKey(order.displayFinancialStatus);
  const fulfillment = enumKey(order.displayFulfillmentStatus);

  if (shipments.length === 0) {
    if (financial === 'VOIDED' || financial === 'EXPIRED') return 'payment_problem';
    if (financial === 'PENDING' || financial === 'PARTIALLY_PAID' || holdReason === 'AWAITING_PAYMENT') return 'payment_pending';
    if (fulfillment === 'ON_HOLD' && holdReason === 'ONLINE_STORE_POST_PURCHASE_CROSS_SELL') return 'confirmed';
    if (fulfillment === 'ON_HOLD' || fulfillment === 'REQUEST_DECLINED') return 'on_hold';
    if (isDigitalOnly(order)) return 'digital';
    return 'confirmed';
  }

  const pending = shipments.filter((s) => s.status !== 'delivered');
  const urgent = PENDING_SHIPMENT_PRECEDENCE.slice(0, 4).find((c) => pending.some((s) => s.status === c));
  if (urgent) return urgent;
  if (pending.length === 0) return unshippedItemCount > 0 ? 'partially_delivered' : 'delivered';
  if (pending.length < shipments.length) return 'partially_delivered';
  if (unshippedItemCount > 0) return 'partially_shipped';
  return pending.some((s) => s.status === 'in_transit') ? 'in_transit' : 'shipped';
}

/** `full` / `partial` refund from the financial status, or from the refunded total when the status says nothing. */
export function refundKind(order: SourceOrder): 'full' | 'partial' | null {
  const financial = enumKey(order.displayFinancialStatus);
  if (financial === 'REFUNDED') return 'full';
  if (financial === 'PARTIALLY_REFUNDED') return 'partial';
  const refunded = Number(order.totalRefundedSet?.shopMoney.amount ?? 0);
  if (!(refunded > 0)) return null;
  const total = Number(order.totalPriceSet?.shopMoney.amount ?? NaN);
  return Number.isFinite(total) && refunded >= total ? 'full' : 'partial';
}

/**
 * True when no item needs shipping. Uses `requiresShipping` when the query returns it; otherwise an order that
 * Shopify calls FULFILLED without any fulfillment and without a shipping address (digital download pattern).
 */
export function isDigitalOnly(order: SourceOrder): boolean {
  const items = order.lineItems.nodes;
  if (items.length > 0 && items.every((i) => i.requiresShipping != null)) return items.every((i) => i.requiresShipping === false);
  return enumKey(order.displayFulfillmentStatus) === 'FULFILLED' && order.fulfillments.length === 0 && !order.shippingAddress;
}

/** Physical items the store has not shipped yet (trusting Shopify's per-line count when present). */
export function countUnshippedItems(order: SourceOrder): number {
  if (order.cancelledAt || enumKey(order.displayFulfillmentStatus) === 'FULFILLED' || isDigitalOnly(order)) return 0;
  const shipped = new Map<string, number>();
  for (const f of order.fulfillments) {
    if (isVoidFulfillment(f.status, f.displayStatus)) continue;
    for (const n of f.fulfillmentLineItems.nodes) shipped.set(n.lineItem.id, (shipped.get(n.lineItem.id) ?? 0) + n.quantity);
  }
  let count = 0;
  for (const item of order.lineItems.nodes) {
    if (item.requiresShipping === false) continue;
    if (item.unfulfilledQuantity != null) count += Math.max(0, item.unfulfilledQuantity);
    else count += Math.max(0, (item.currentQuantity ?? item.quantity) - (shipped.get(item.id) ?? 0));
  }
  return count;
}
