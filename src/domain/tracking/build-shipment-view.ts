import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import type { SourceEvent, SourceFulfillment } from '../orders/source-order';
import { resolveTrackingUrl } from './carrier-tracking-url';
import { formatAge } from './describe-age';
import { formatDateTime, formatDay, parseTime } from './format-time';
import { joinPlace, plainText } from './plain-text';
import type { ShipmentView } from './shopper-order-view';
import { eventLabel } from './event-label';
import { enumKey, shipmentCategoryOf, type ShipmentStatusCategory } from './status-categories';

/** A parcel in transit with no carrier scan for this many days is flagged as possibly delayed. */
export const STALE_SCAN_DAYS = 4;

export interface ShipmentContext {
  now: Date;
  timeZone: string;
  /** Orders without a shipping address (POS, local pickup) hand untracked parcels over in person. */
  orderHasShippingAddress: boolean;
  staleScanDays?: number;
  /** The shopper's language for labels and dates (English when absent). */
  locale?: Locale;
}

/** Events sorted oldest first, invalid timestamps dropped (Shopify's event order is not guaranteed). */
export function sortedEvents(f: SourceFulfillment): (SourceEvent & { time: Date })[] {
  return f.events.nodes
    .map((e) => ({ ...e, time: parseTime(e.happenedAt) }))
    .filter((e): e is SourceEvent & { time: Date } => e.time !== null)
    .sort((a, b) => a.time.getTime() - b.time.getTime());
}

function tracking(f: SourceFulfillment): { carrier: string | null; number: string | null; url: string | null } {
  const info = f.trackingInfo.find((t) => t.number?.trim()) ?? f.trackingInfo[0];
  const carrier = plainText(info?.company, 60);
  const number = plainText(info?.number, 60);
  return { carrier, number, url: resolveTrackingUrl(carrier, number, info?.url) };
}

function categoryOf(f: SourceFulfillment, latest: SourceEvent | undefined, number: string | null, ctx: ShipmentContext): ShipmentStatusCategory {
  if (parseTime(f.deliveredAt)) return 'delivered';
  const known = shipmentCategoryOf(f.displayStatus) ?? shipmentCategoryOf(latest?.status);
  if (known) return known;
  // A POS sale or local pickup: no address, nothing to track, handed over when fulfilled.
  if (!ctx.orderHasShippingAddress && !number && !latest) return 'delivered';
  return 'shipped';
}

/** One fulfillment as the shopper may see it. Pure and total: odd or unknown values degrade, never throw. */
export function buildShipmentView(f: SourceFulfillment, position: { index: number; count: number }, ctx: ShipmentContext): ShipmentView {
  const locale = ctx.locale ?? DEFAULT_LOCALE;
  const t = translator(locale, 'status');
  const events = sortedEvents(f);
  const latest = events[events.length - 1];
  const { carrier, number, url } = tracking(f);
  const status = categoryOf(f, latest, number, ctx);
  const delivered = status === 'delivered';
  const deliveredTime = parseTime(f.deliveredAt) ?? [...events].reverse().find((e) => shipmentCategoryOf(e.status) === 'delivered')?.time ?? null;

  const edaTime = parseTime(f.estimatedDeliveryAt) ?? parseTime([...events].reverse().find((e) => e.estimatedDeliveryAt)?.estimatedDeliveryAt);
  const showEda = edaTime !== null && !delivered && edaTime.getTime() > ctx.now.getTime();

  const moving = status === 'shipped' || status === 'in_transit';
  const carrierDelay = moving && (enumKey(latest?.status) === 'DELAYED' || enumKey(f.displayStatus) === 'DELAYED');
  const lastScan = latest?.time ?? parseTime(f.inTransitAt) ?? parseTime(f.createdAt);
  const staleMs = (ctx.staleScanDays ?? STALE_SCAN_DAYS) * 86_400_000;
  const noRecentScan = moving && number !== null && lastScan !== null && ctx.now.getTime() - lastScan.getTime() > staleMs;

  // "Shipped" covers several pre-transit stages; name the precise one when Shopify tells us.
  const stage = [f.displayStatus, latest?.status].find((s) => shipmentCategoryOf(s) === 'shipped');
  const statusLabel = status === 'shipped' && stage ? eventLabel(stage, locale) : t(`shipment.${status}`);
  return {
    id: f.id,
    label: position.count > 1 ? t('packageOf', { index: position.index + 1, count: position.count }) : t('package'),
    status,
    statusLabel,
    carrier,
    trackingNumber: number,
    trackingUrl: url,
    trackingNote: url ? null : number ? t('trackingNumberOnly') : t('noTrackingYet'),
    latestEvent: latest
      ? {
          status: enumKey(latest.status) || 'UNKNOWN',
          label: eventLabel(latest.status, locale),
          message: plainText(latest.message),
          location: joinPlace(latest.city, latest.province, latest.country),
          at: latest.time.toISOString(),
          display: formatDateTime(latest.time, ctx.timeZone, locale),
          age: formatAge(latest.time, ctx.now, locale),
        }
      : null,
    estimatedDelivery: showEda && edaTime ? { at: edaTime.toISOString(), display: formatDay(edaTime, ctx.timeZone, locale) } : null,
    deliveredAt: delivered && deliveredTime ? { at: deliveredTime.toISOString(), display: formatDateTime(deliveredTime, ctx.timeZone, locale) } : null,
    possiblyDelayed: carrierDelay || noRecentScan,
    delayReason: carrierDelay ? 'carrier_reported' : noRecentScan ? 'no_recent_scan' : null,
    items: f.fulfillmentLineItems.nodes
      .filter((n) => n.quantity > 0)
      .map((n) => ({ title: plainText(n.lineItem.title) ?? t('item'), variantTitle: plainText(n.lineItem.variantTitle), quantity: n.quantity })),
  };
}
