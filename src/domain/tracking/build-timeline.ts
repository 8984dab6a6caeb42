import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import type { SourceOrder } from '../orders/source-order';
import { sortedEvents } from './build-shipment-view';
import { formatDateTime, parseTime } from './format-time';
import { joinPlace, plainText } from './plain-text';
import type { ShipmentView, TimelineEntry } from './shopper-order-view';
import { eventLabel } from './event-label';
import { enumKey, isVoidFulfillment, shipmentCategoryOf } from './status-categories';

type Kind = TimelineEntry['kind'];
const RANK: Record<Kind, number> = {
  placed: 0,
  paid: 1,
  prepared: 2,
  shipped: 3,
  carrier_update: 4,
  out_for_delivery: 5,
  delivery_problem: 6,
  delivered: 7,
  cancelled: 8,
  refunded: 9,
};

const CANCEL_REASONS = new Set(['CUSTOMER', 'INVENTORY', 'DECLINED']);

function kindOfEvent(status: string): Kind {
  const key = enumKey(status);
  if (key === 'LABEL_PRINTED' || key === 'LABEL_PURCHASED' || key === 'CONFIRMED') return 'prepared';
  const category = shipmentCategoryOf(status);
  if (category === 'delivered') return 'delivered';
  if (category === 'out_for_delivery') return 'out_for_delivery';
  if (category === 'delivery_problem') return 'delivery_problem';
  return 'carrier_update';
}

/**
 * The order's story, oldest first: placed → paid → prepared → shipped → carrier events → delivered, or
 * cancelled / refunded. Every entry has an ISO timestamp and a display string in the shop's time zone;
 * entries without a real timestamp are left out rather than invented.
 */
export function buildTimeline(order: SourceOrder, shipments: readonly ShipmentView[], timeZone: string, locale: Locale = DEFAULT_LOCALE): TimelineEntry[] {
  const t = translator(locale, 'status');
  const entries: (TimelineEntry & { time: number })[] = [];
  const add = (kind: Kind, label: string, at: Date | null, detail: string | null = null, shipmentId: string | null = null): void => {
    if (at) entries.push({ kind, label, detail, at: at.toISOString(), display: formatDateTime(at, timeZone, locale), shipmentId, time: at.getTime() });
  };

  const placed = parseTime(order.processedAt) ?? parseTime(order.createdAt);
  add('placed', t('timeline.placed'), placed);
  const financial = enumKey(order.displayFinancialStatus);
  // Shopify has no "paid at" on the order; online checkouts capture or authorise payment when the order is processed.
  if (['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'].includes(financial)) add('paid', t('timeline.paid'), placed);
  if (financial === 'AUTHORIZED') add('paid', t('timeline.authorized'), placed);

  const views = new Map(shipments.map((s) => [s.id, s]));
  for (const f of order.fulfillments) {
    const view = views.get(f.id);
    if (!view || isVoidFulfillment(f.status, f.displayStatus)) continue;
    const label = shipments.length > 1 ? view.label : null;
    const shippedDetail = [label, view.carrier ? t('timeline.shippedWith', { carrier: view.carrier }) : null].filter(Boolean).join(' ') || null;
    add('shipped', t('timeline.shipped'), parseTime(f.createdAt), shippedDetail, f.id);
    const events = sortedEvents(f);
    for (const e of events) {
      const detail = [plainText(e.message), joinPlace(e.city, e.province, e.country)].filter(Boolean).join(' · ') || null;
      add(kindOfEvent(e.status), eventLabel(e.status, locale), e.time, label ? [label, detail].filter(Boolean).join(': ') : detail, f.id);
    }
    if (view.deliveredAt && !events.some((e) => kindOfEvent(e.status) === 'delivered')) {
      add('delivered', t('timeline.delivered'), parseTime(view.deliveredAt.at), label, f.id);
    }
  }

  const reason = enumKey(order.cancelReason);
  if (order.cancelledAt)
    add('cancelled', t('timeline.cancelled'), parseTime(order.cancelledAt), CANCEL_REASONS.has(reason) ? t(`timeline.cancelReason.${reason}`) : null);
  for (const r of order.refunds ?? []) add('refunded', t('timeline.refunded'), parseTime(r.createdAt), formatMoney(r.totalRefundedSet?.shopMoney, locale));

  return entries.sort((a, b) => a.time - b.time || RANK[a.kind] - RANK[b.kind]).map(({ time: _time, ...entry }) => entry);
}

/** `$12.50` (falls back to `12.50 XYZ` for a currency Intl does not know); null without an amount. */
export function formatMoney(money: { amount: string; currencyCode: string } | null | undefined, locale: Locale = DEFAULT_LOCALE): string | null {
  if (!money) return null;
  const value = Number(money.amount);
  if (!Number.isFinite(value)) return null;
  try {
    return new Intl.NumberFormat(locale === 'en' ? 'en-US' : locale, { style: 'currency', currency: money.currencyCode }).format(value);
  } catch {
    return `${value.toFixed(2)} ${plainText(money.currencyCode, 8) ?? ''}`.trim();
  }
}
