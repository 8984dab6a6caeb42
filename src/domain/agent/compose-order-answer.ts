import type { ShipmentView, ShopperOrderView } from '../tracking/shopper-order-view';
import type { Intent } from './detect-intent';

const itemLine = (item: { title: string; variantTitle: string | null; quantity: number }) =>
  `${item.quantity} × ${item.title}${item.variantTitle ? ` (${item.variantTitle})` : ''}`;

const label = (view: ShopperOrderView, shipment: ShipmentView) =>
  view.shipments.length > 1 ? `${shipment.label}${shipment.carrier ? ` (${shipment.carrier})` : ''}` : (shipment.carrier ?? 'Your parcel');

const ENDED = ['cancelled', 'refunded', 'digital', 'delivered'];

/** Pickup and local delivery have no carrier: the answer is the place and time the store gave (or will give). */
function describeLocalArrival(view: ShopperOrderView): string | null {
  const delivery = view.delivery;
  if (!delivery || delivery.method === 'shipping' || ENDED.includes(view.status)) return null;
  const n = view.orderName;
  if (delivery.method === 'pickup') {
    const at = delivery.location ? ` at ${delivery.location}` : '';
    if (view.status === 'ready_for_pickup') return `Order ${n} is ready to collect now${at}. Bring your order number (${n}) with you.`;
    const when = delivery.window
      ? `It can be collected ${delivery.window.display}; you'll get an email when it's ready.`
      : "You'll get an email when it's ready to collect.";
    return `Order ${n} isn't shipped: it's a pickup order${delivery.location ? `, to collect${at}` : ''}. ${when}`;
  }
  if (view.shipments.some((s) => s.status !== 'delivered')) return null;
  return delivery.window
    ? `The store delivers order ${n} locally, ${delivery.window.display}.`
    : `The store delivers order ${n} locally and will let you know the delivery time.`;
}

function describeTracking(view: ShopperOrderView): string {
  if (view.delivery?.method === 'pickup' && !['cancelled', 'refunded'].includes(view.status)) {
    return `There is nothing to track: it's a pickup order${view.delivery.location ? `, collected at ${view.delivery.location}` : ''}. ${view.message}`;
  }
  if (view.shipments.length === 0) {
    return view.status === 'cancelled' || view.status === 'refunded' || view.status === 'digital'
      ? `There is nothing to track for order ${view.orderName}. ${view.message}`
      : `Order ${view.orderName} hasn't shipped yet, so there is no tracking yet. You'll get tracking details as soon as it ships.`;
  }
  const lines = view.shipments.map((shipment) => {
    const where = shipment.trackingUrl ? 'the tracking link is on the card below' : (shipment.trackingNote ?? 'no tracking link').toLowerCase();
    const number = shipment.trackingNumber ? `, tracking number ${shipment.trackingNumber}` : '';
    return `${label(view, shipment)}: ${shipment.statusLabel.toLowerCase()}${number}; ${where}.`;
  });
  return `Tracking for order ${view.orderName}:\n${lines.join('\n')}`;
}

function describeArrival(view: ShopperOrderView): string {
  const local = describeLocalArrival(view);
  if (local) return local;
  if (view.status === 'delivered') return view.message;
  if (view.status === 'cancelled' || view.status === 'refunded' || view.status === 'digital') return view.message;
  const lines = view.shipments
    .filter((shipment) => shipment.status !== 'delivered')
    .map((shipment) => {
      if (shipment.status === 'out_for_delivery') return `${label(view, shipment)} is out for delivery and should arrive today.`;
      if (shipment.estimatedDelivery) return `${label(view, shipment)}: estimated delivery ${shipment.estimatedDelivery.display}.`;
      const latest = shipment.latestEvent ? ` Latest update (${shipment.latestEvent.age}): ${shipment.latestEvent.label}.` : '';
      return `${label(view, shipment)}: the carrier hasn't given a delivery date yet.${latest}`;
    });
  if (lines.length === 0) return `Order ${view.orderName} hasn't shipped yet, so there's no delivery date yet. ${view.message}`;
  const unshipped = view.unshippedItemCount > 0 ? ` ${view.unshippedItemCount} item${view.unshippedItemCount === 1 ? '' : 's'} not shipped yet.` : '';
  return `${lines.join('\n')}${unshipped}`;
}

function describeContents(view: ShopperOrderView): string {
  if (view.items.length === 0) return `Order ${view.orderName} has no items we can list.`;
  return `Order ${view.orderName} (placed ${view.placedAt.display}) contains:\n${view.items.map(itemLine).join('\n')}`;
}

/**
 * The agent's words about one order for one question, composed only from the shopper-safe view: the same
 * view renders the card, so text and card never disagree.
 */
export function composeOrderAnswer(view: ShopperOrderView, intent: Intent): string {
  if (intent === 'tracking') return describeTracking(view);
  if (intent === 'eta') return describeArrival(view);
  if (intent === 'contents') return describeContents(view);
  return `${view.headline}. ${view.message}`;
}
