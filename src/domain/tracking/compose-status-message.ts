import type { ShipmentView } from './shopper-order-view';
import type { OrderStatusCategory } from './status-categories';

/** Facts a message may state. Templates are deterministic; a model may rephrase them but never change facts. */
export interface MessageFacts {
  status: OrderStatusCategory;
  orderName: string;
  shipments: readonly ShipmentView[];
  summary: string | null;
  unshippedItemCount: number;
  destinationCity: string | null;
  cancelledDisplay: string | null;
  /** Sentences about money back, already worded (`A partial refund of $12.00 has been issued.`). */
  refundNote: string | null;
  /** The shop's name, plain text; templates say "the store" without it. */
  shopName?: string | null;
}

const HEADLINES: Record<OrderStatusCategory, string> = {
  payment_pending: 'Waiting for payment',
  confirmed: 'Order confirmed',
  on_hold: 'Order on hold',
  partially_shipped: 'Partly shipped',
  shipped: 'Shipped',
  in_transit: 'On its way',
  out_for_delivery: 'Out for delivery',
  attempted_delivery: 'Delivery attempted',
  ready_for_pickup: 'Ready for pickup',
  partially_delivered: 'Partly delivered',
  delivered: 'Delivered',
  delivery_problem: 'Delivery problem',
  cancelled: 'Order cancelled',
  refunded: 'Refunded',
  digital: 'No shipping needed',
};

const with_ = (s: ShipmentView | undefined): string => (s?.carrier ? ` with ${s.carrier}` : '');
const carrierOr = (s: ShipmentView | undefined): string => s?.carrier ?? 'The carrier';

/** Headline + message for the shopper: plain, kind and specific (carrier, dates, counts), never HTML. */
export function composeStatusMessage(f: MessageFacts): { headline: string; message: string } {
  const n = f.orderName;
  const store = f.shopName ?? 'the store';
  const Store = f.shopName ?? 'The store';
  const storeTeam = f.shopName ? `The ${f.shopName} team` : "The store's team";
  const pending = f.shipments.filter((s) => s.status !== 'delivered');
  const focus = pending.find((s) => s.status === f.status) ?? pending[0] ?? f.shipments[0];
  const eta = focus?.estimatedDelivery ? ` Estimated delivery: ${focus.estimatedDelivery.display}.` : '';
  const delayed = focus?.possiblyDelayed
    ? focus.delayReason === 'carrier_reported'
      ? ' The carrier has reported a delay.'
      : ` The carrier hasn't updated the tracking for a few days. Parcels sometimes go quiet in transit; if nothing changes soon, ${store} can look into it.`
    : '';
  const noTracking = focus && !focus.trackingNumber && !focus.trackingUrl ? ` ${Store} hasn't shared tracking details for it.` : '';
  const summary = f.summary ? ` (${f.summary})` : '';
  const lines: Record<OrderStatusCategory, () => string> = {
    payment_pending: () => `We have your order ${n}, but the payment hasn't been completed yet. ${Store} will start preparing it as soon as the payment goes through.`,
    confirmed: () => `Your order ${n} is confirmed and ${store} is preparing it. You'll get tracking details as soon as it ships.`,
    on_hold: () => `Your order ${n} is on hold with ${store} for the moment, so it hasn't shipped yet. ${storeTeam} can tell you more if you contact them.`,
    partially_shipped: () => `Part of your order ${n} is on its way${with_(focus)}${summary}. The rest is still being prepared and will follow.${eta}${delayed}`,
    shipped: () => `Your order ${n} has been handed over for shipping${with_(focus)}.${noTracking || ' Tracking updates usually appear within a day.'}${eta}${delayed}`,
    in_transit: () => `Your order ${n} is on its way${with_(focus)}.${eta}${delayed}`,
    out_for_delivery: () => `Your order ${n} is out for delivery${with_(focus)} and should arrive today.`,
    attempted_delivery: () => `${carrierOr(focus)} tried to deliver your order ${n} but couldn't. Check the tracking link for a notice or to arrange another delivery.`,
    ready_for_pickup: () => `Your order ${n} is waiting for you at a ${focus?.carrier ? `${focus.carrier} ` : ''}pickup point. The tracking link shows where, and until when.`,
    partially_delivered: () =>
      `Part of your order ${n} has arrived${summary}. ${pending.length > 0 ? `The rest is on its way${with_(pending[0])}.${eta}${delayed}` : `${Store} is still preparing the rest.`}`,
    delivered: () => {
      const when = f.shipments.length === 1 && f.shipments[0]?.deliveredAt ? ` on ${f.shipments[0].deliveredAt.display}` : '';
      const where = f.destinationCity ? ` in ${f.destinationCity}` : '';
      return `Your order ${n} was delivered${when}${where}. If you can't find it, check around your door or with neighbours, then contact ${store}.`;
    },
    delivery_problem: () => `${carrierOr(focus)} reported a problem delivering your order ${n}. ${storeTeam} can help sort it out: please contact them.`,
    cancelled: () => `Your order ${n} was cancelled${f.cancelledDisplay ? ` on ${f.cancelledDisplay}` : ''}.`,
    refunded: () => `Your order ${n} has been refunded in full.`,
    digital: () => `Your order ${n} doesn't need shipping: it is delivered digitally or directly by ${store}. Check your email for the details.`,
  };
  const refund = f.refundNote ? ` ${f.refundNote}` : '';
  return { headline: HEADLINES[f.status], message: `${lines[f.status]()}${refund}` };
}
