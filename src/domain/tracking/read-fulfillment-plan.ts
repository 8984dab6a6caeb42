import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import type { SourceOrder } from '../orders/source-order';
import { formatClock, formatDateTime, formatDay, parseTime, sameDay } from './format-time';
import { joinPlace, plainText } from './plain-text';
import { enumKey } from './status-categories';

/** How the order reaches the shopper, as far as Shopify's fulfillment orders say (shipping when they say nothing). */
export type DeliveryMethodKind = 'shipping' | 'local_delivery' | 'pickup';

/**
 * The facts of an order's fulfillment orders that change what the shopper should hear: local delivery window,
 * pickup place and time, the reason of a hold (enum only: the merchant's hold notes are internal), and the date
 * a scheduled order will be prepared.
 */
export interface FulfillmentPlan {
  method: DeliveryMethodKind;
  /** Pickup location (`Acme Flagship Store, 12 Market Street, Ottawa`); null for other methods or when unknown. */
  location: string | null;
  /** Local delivery window or earliest pickup time. */
  window: { from: string; to: string | null; display: string } | null;
  /** FulfillmentHoldReason of the first hold (`INCORRECT_ADDRESS`), or null. */
  holdReason: string | null;
  /** When a SCHEDULED order will be prepared. */
  scheduledFor: { at: string; display: string } | null;
}

/** DeliveryMethodType → kind. PICKUP_POINT is a carrier's pickup point: the carrier's tracking says where. */
const METHODS: Record<string, DeliveryMethodKind> = {
  SHIPPING: 'shipping',
  PICKUP_POINT: 'shipping',
  NONE: 'shipping',
  RETAIL: 'shipping',
  LOCAL: 'local_delivery',
  PICK_UP: 'pickup',
};

/** Kind for a DeliveryMethodType; unknown and future types read as shipping (the generic answer). */
export function deliveryMethodKind(methodType: string | null | undefined): DeliveryMethodKind {
  return METHODS[enumKey(methodType)] ?? 'shipping';
}

function windowDisplay(from: Date, to: Date | null, timeZone: string, locale: Locale): string {
  const t = translator(locale, 'status');
  if (!to) return t('window.from', { from: formatDateTime(from, timeZone, locale) });
  if (sameDay(from, to, timeZone))
    return t('window.sameDay', { day: formatDay(from, timeZone, locale), start: formatClock(from, timeZone, locale), end: formatClock(to, timeZone, locale) });
  return t('window.between', { from: formatDateTime(from, timeZone, locale), to: formatDateTime(to, timeZone, locale) });
}

/** Reads the plan from the order's fulfillment orders; total (no fulfillment orders → plain shipping, no hold). */
export function readFulfillmentPlan(order: SourceOrder, timeZone: string, locale: Locale = DEFAULT_LOCALE): FulfillmentPlan {
  const nodes = order.fulfillmentOrders?.nodes ?? [];
  const withMethod = nodes.find((node) => deliveryMethodKind(node.deliveryMethod?.methodType) !== 'shipping') ?? nodes[0];
  const method = deliveryMethodKind(withMethod?.deliveryMethod?.methodType);
  const from = method === 'shipping' ? null : parseTime(withMethod?.deliveryMethod?.minDeliveryDateTime);
  const to = method === 'shipping' ? null : parseTime(withMethod?.deliveryMethod?.maxDeliveryDateTime);
  const place = withMethod?.assignedLocation;
  const hold = nodes.flatMap((node) => (enumKey(node.status) === 'ON_HOLD' ? (node.fulfillmentHolds ?? []) : []))[0];
  const scheduled = nodes.find((node) => enumKey(node.status) === 'SCHEDULED');
  const scheduledAt = parseTime(scheduled?.fulfillAt);
  return {
    method,
    location: method === 'pickup' ? joinPlace(plainText(place?.name, 80), plainText(place?.address1, 120), plainText(place?.city, 80)) : null,
    window: from ? { from: from.toISOString(), to: to?.toISOString() ?? null, display: windowDisplay(from, to, timeZone, locale) } : null,
    holdReason: hold ? enumKey(hold.reason) : null,
    scheduledFor: scheduledAt ? { at: scheduledAt.toISOString(), display: formatDay(scheduledAt, timeZone, locale) } : null,
  };
}
