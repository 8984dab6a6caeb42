import type { FulfillmentPlan } from './read-fulfillment-plan';
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
  /** Shopify's OrderDisplayFinancialStatus (upper case), for the payment wording. */
  financialStatus?: string;
  /** Delivery method, pickup place, local window, hold reason, schedule (see readFulfillmentPlan). */
  plan?: FulfillmentPlan;
  /** Days since the order was placed (an authorisation older than a week may have lapsed). */
  ageDays?: number;
}

/** Card authorisations usually lapse after about 7 days (Shopify marks them EXPIRED once the provider says so). */
const AUTHORIZATION_LAPSES_AFTER_DAYS = 7;

/** Why an order is held, in words a shopper can act on. A fraud review is never named as such to the shopper. */
const HOLD_REASONS: Record<string, (store: string) => string> = {
  INCORRECT_ADDRESS: (store) => `${store} needs to check the delivery address before it can ship. Please contact them to confirm it.`,
  HIGH_RISK_OF_FRAUD: (store) => `${store} is reviewing the order before shipping it, which is a routine check. They'll contact you if they need anything.`,
  INVENTORY_OUT_OF_STOCK: () => `An item is waiting for new stock; the order will ship as soon as it arrives.`,
  AWAITING_RETURN_ITEMS: (store) => `${store} is waiting to receive the items you're sending back; the order ships once they arrive.`,
  UNKNOWN_DELIVERY_DATE: (store) => `It will ship once ${store} has a delivery date for it (for example a pre-order).`,
  AWAITING_PAYMENT: (store) => `${store} is waiting for the payment before preparing it.`,
  ONLINE_STORE_POST_PURCHASE_CROSS_SELL: () => `It is being finalised and will be released for preparation in a few minutes.`,
};

/** Wording for a hold reason; unknown or OTHER reasons get the generic sentence. */
export function describeHold(reason: string | null | undefined, store: string, storeTeam: string): string {
  const known = reason ? HOLD_REASONS[reason] : undefined;
  return known ? known(store) : `${storeTeam} can tell you more if you contact them.`;
}

function confirmedLine(f: MessageFacts, n: string, store: string, Store: string): string {
  const plan = f.plan;
  if (plan?.method === 'pickup') {
    const where = plan.location ? ` at ${plan.location}` : '';
    const when = plan.window
      ? ` It can be collected ${plan.window.display}; you'll get an email when it's ready.`
      : ` ${Store} will email you when it's ready to collect.`;
    return `Your order ${n} is being prepared for pickup${where}.${when}`;
  }
  if (plan?.scheduledFor)
    return `Your order ${n} is confirmed and scheduled: ${store} will start preparing it on ${plan.scheduledFor.display}. You'll get tracking details once it ships.`;
  const local = plan?.method === 'local_delivery';
  const how = local
    ? ` ${Store} delivers it locally${plan?.window ? `, ${plan.window.display}` : "; they'll let you know the delivery time"}.`
    : " You'll get tracking details as soon as it ships.";
  const payment =
    f.financialStatus !== 'AUTHORIZED'
      ? ''
      : (f.ageDays ?? 0) > AUTHORIZATION_LAPSES_AFTER_DAYS
        ? ` Your payment was authorised but not taken yet, and authorisations usually lapse after about a week: ${store} may need to ask you to pay again before it ships.`
        : ` Your payment is authorised; ${store} takes it when the order ships.`;
  return `Your order ${n} is confirmed and ${store} is preparing it.${how}${payment}`;
}

function paymentProblemLine(f: MessageFacts, n: string, store: string, storeTeam: string): string {
  const what =
    f.financialStatus === 'VOIDED'
      ? `The payment for your order ${n} was cancelled (voided) before ${store} took it`
      : `The payment for your order ${n} didn't go through: the card authorisation expired before ${store} took the payment`;
  return `${what}, so you haven't been charged and the order hasn't shipped. ${storeTeam} will be in touch about how to pay; you can also contact them to complete the payment.`;
}

/** The short status names shoppers see on the order card and page; the dashboard names statuses the same way. */
export const HEADLINES: Record<OrderStatusCategory, string> = {
  payment_pending: 'Waiting for payment',
  confirmed: 'Order confirmed',
  on_hold: 'Order on hold',
  payment_problem: "Payment didn't go through",
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
    payment_pending: () =>
      f.financialStatus === 'PARTIALLY_PAID'
        ? `We have your order ${n} and part of the payment; the rest is still due. ${Store} will start preparing it once it is paid in full: your order email or invoice says how to pay the balance.`
        : `We have your order ${n}, but the payment hasn't been completed yet. ${Store} will start preparing it as soon as the payment goes through.`,
    confirmed: () => confirmedLine(f, n, store, Store),
    on_hold: () => `Your order ${n} is on hold with ${store} for the moment, so it hasn't shipped yet. ${describeHold(f.plan?.holdReason, Store, storeTeam)}`,
    payment_problem: () => paymentProblemLine(f, n, store, storeTeam),
    partially_shipped: () =>
      `Part of your order ${n} is on its way${with_(focus)}${summary}. The rest is still being prepared and will follow.${eta}${delayed}`,
    shipped: () =>
      `Your order ${n} has been handed over for shipping${with_(focus)}.${noTracking || ' Tracking updates usually appear within a day.'}${eta}${delayed}`,
    in_transit: () => `Your order ${n} is on its way${with_(focus)}.${eta}${delayed}`,
    out_for_delivery: () => `Your order ${n} is out for delivery${with_(focus)} and should arrive today.`,
    attempted_delivery: () =>
      `${carrierOr(focus)} tried to deliver your order ${n} but couldn't. Check the tracking link for a notice or to arrange another delivery.`,
    ready_for_pickup: () =>
      f.plan?.method === 'pickup'
        ? `Your order ${n} is ready to collect${f.plan.location ? ` at ${f.plan.location}` : ` from ${store}`}. Bring your order number (${n}) with you.`
        : `Your order ${n} is waiting for you at a ${focus?.carrier ? `${focus.carrier} ` : ''}pickup point. ${focus?.trackingUrl ? 'The tracking link shows' : "The carrier's notice shows"} where, and until when.`,
    partially_delivered: () =>
      `Part of your order ${n} has arrived${summary}. ${pending.length > 0 ? `The rest is on its way${with_(pending[0])}.${eta}${delayed}` : `${Store} is still preparing the rest.`}`,
    delivered: () => {
      if (f.plan?.method === 'pickup')
        return `Your order ${n} was collected${f.shipments[0]?.deliveredAt ? ` on ${f.shipments[0].deliveredAt.display}` : ''}. If something is missing, contact ${store}.`;
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
