import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator, yesNo, type MessageValues, type Translate } from '../i18n/messages';
import type { FulfillmentPlan } from './read-fulfillment-plan';
import type { ShipmentView } from './shopper-order-view';
import { ORDER_STATUS_CATEGORIES, type OrderStatusCategory } from './status-categories';

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
  /** The shopper's language (English when absent). */
  locale?: Locale;
}

/** Card authorisations usually lapse after about 7 days (Shopify marks them EXPIRED once the provider says so). */
const AUTHORIZATION_LAPSES_AFTER_DAYS = 7;

/** Hold reasons with their own wording (status.hold.*); a fraud review is never named as such to the shopper. */
const HOLD_REASONS = new Set([
  'INCORRECT_ADDRESS',
  'HIGH_RISK_OF_FRAUD',
  'INVENTORY_OUT_OF_STOCK',
  'AWAITING_RETURN_ITEMS',
  'UNKNOWN_DELIVERY_DATE',
  'AWAITING_PAYMENT',
  'ONLINE_STORE_POST_PURCHASE_CROSS_SELL',
]);

type Words = { t: Translate; store: MessageValues };

/** Wording for a hold reason; unknown or OTHER reasons get the generic sentence. */
export function describeHold(reason: string | null | undefined, shopName: string | null, locale: Locale = DEFAULT_LOCALE): string {
  const key = reason && HOLD_REASONS.has(reason) ? reason : 'OTHER';
  return translator(locale, 'status')(`hold.${key}`, storeValues(shopName));
}

/** Every status sentence names the store by its name when known, else generically ("the store", "der Shop"). */
const storeValues = (shopName: string | null | undefined): MessageValues => ({ named: yesNo(shopName), store: shopName ?? '' });

function confirmedLine(f: MessageFacts, { t, store }: Words): string {
  const plan = f.plan;
  const order = f.orderName;
  if (plan?.method === 'pickup') {
    return t('message.pickupPreparing', {
      order,
      ...store,
      hasLocation: yesNo(plan.location),
      location: plan.location ?? '',
      hasWindow: yesNo(plan.window),
      window: plan.window?.display ?? '',
    });
  }
  if (plan?.scheduledFor) return t('message.scheduled', { order, ...store, date: plan.scheduledFor.display });
  const how =
    plan?.method === 'local_delivery'
      ? t('message.confirmedLocal', { ...store, hasWindow: yesNo(plan.window), window: plan.window?.display ?? '' })
      : t('message.confirmedShipping');
  const payment =
    f.financialStatus !== 'AUTHORIZED'
      ? ''
      : (f.ageDays ?? 0) > AUTHORIZATION_LAPSES_AFTER_DAYS
        ? t('message.authorizationLapsing', store)
        : t('message.authorized', store);
  return t('message.confirmed', { order, ...store, how, payment });
}

/** The short status names in English, as the shopper's card says them; the (English) dashboard names statuses the same way. */
export const HEADLINES = Object.fromEntries(
  ORDER_STATUS_CATEGORIES.map((category) => [category, translator(DEFAULT_LOCALE, 'status')(`headline.${category}`)]),
) as Record<OrderStatusCategory, string>;

/** Headline + message for the shopper in their language: plain, kind and specific (carrier, dates, counts), never HTML. */
export function composeStatusMessage(f: MessageFacts): { headline: string; message: string } {
  const locale = f.locale ?? DEFAULT_LOCALE;
  const t = translator(locale, 'status');
  const store = storeValues(f.shopName);
  const words: Words = { t, store };
  const order = f.orderName;
  const pending = f.shipments.filter((s) => s.status !== 'delivered');
  const focus = pending.find((s) => s.status === f.status) ?? pending[0] ?? f.shipments[0];
  const carrierOf = (s: ShipmentView | undefined) => ({ hasCarrier: yesNo(s?.carrier), carrier: s?.carrier ?? '' });
  const eta = focus?.estimatedDelivery ? t('message.eta', { date: focus.estimatedDelivery.display }) : '';
  const delay = focus?.possiblyDelayed ? (focus.delayReason === 'carrier_reported' ? t('message.carrierDelay') : t('message.quietDelay', store)) : '';
  const noTracking = focus && !focus.trackingNumber && !focus.trackingUrl ? t('message.noTracking', store) : '';
  const summary = { hasSummary: yesNo(f.summary), summary: f.summary ?? '' };
  const lines: Record<OrderStatusCategory, () => string> = {
    payment_pending: () => t(f.financialStatus === 'PARTIALLY_PAID' ? 'message.paymentPartial' : 'message.paymentPending', { order, ...store }),
    confirmed: () => confirmedLine(f, words),
    on_hold: () => t('message.onHold', { order, ...store, reason: describeHold(f.plan?.holdReason, f.shopName ?? null, locale) }),
    payment_problem: () => t(f.financialStatus === 'VOIDED' ? 'message.paymentVoided' : 'message.paymentExpired', { order, ...store }),
    partially_shipped: () => t('message.partiallyShipped', { order, ...carrierOf(focus), ...summary, eta, delay }),
    shipped: () => t('message.shipped', { order, ...carrierOf(focus), tracking: noTracking || t('message.trackingSoon'), eta, delay }),
    in_transit: () => t('message.inTransit', { order, ...carrierOf(focus), eta, delay }),
    out_for_delivery: () => t('message.outForDelivery', { order, ...carrierOf(focus) }),
    attempted_delivery: () => t('message.attemptedDelivery', { order, ...carrierOf(focus) }),
    ready_for_pickup: () =>
      f.plan?.method === 'pickup'
        ? t('message.readyAtStore', { order, ...store, hasLocation: yesNo(f.plan.location), location: f.plan.location ?? '' })
        : t('message.readyAtPickupPoint', { order, ...carrierOf(focus), hasLink: yesNo(focus?.trackingUrl) }),
    partially_delivered: () =>
      t('message.partiallyDelivered', {
        order,
        ...summary,
        rest: pending.length > 0 ? t('message.restOnItsWay', { ...carrierOf(pending[0]), eta, delay }) : t('message.restPreparing', store),
      }),
    delivered: () => {
      const first = f.shipments[0]?.deliveredAt;
      if (f.plan?.method === 'pickup') return t('message.collected', { order, ...store, hasDate: yesNo(first), date: first?.display ?? '' });
      const when = f.shipments.length === 1 ? first : null;
      return t('message.delivered', {
        order,
        ...store,
        hasDate: yesNo(when),
        date: when?.display ?? '',
        hasCity: yesNo(f.destinationCity),
        city: f.destinationCity ?? '',
      });
    },
    delivery_problem: () => t('message.deliveryProblem', { order, ...store, ...carrierOf(focus) }),
    cancelled: () => t('message.cancelled', { order, hasDate: yesNo(f.cancelledDisplay), date: f.cancelledDisplay ?? '' }),
    refunded: () => t('message.refunded', { order }),
    digital: () => t('message.digital', { order, ...store }),
  };
  const refund = f.refundNote ? ` ${f.refundNote}` : '';
  return { headline: t(`headline.${f.status}`), message: `${lines[f.status]()}${refund}` };
}
