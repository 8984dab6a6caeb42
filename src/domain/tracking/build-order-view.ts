import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator, yesNo } from '../i18n/messages';
import type { SourceOrder } from '../orders/source-order';
import { maskEmail } from '../verification/normalize-email';
import { buildShipmentView } from './build-shipment-view';
import { buildTimeline, formatMoney } from './build-timeline';
import { composeStatusMessage } from './compose-status-message';
import { countUnshippedItems, deriveOrderStatus, refundKind } from './derive-order-status';
import { formatAge } from './describe-age';
import { formatDateTime, parseTime, safeTimeZone } from './format-time';
import { plainText } from './plain-text';
import { readFulfillmentPlan } from './read-fulfillment-plan';
import { SHOPPER_ORDER_VIEW_VERSION, type ShopperOrderView, type ViewItem } from './shopper-order-view';
import { enumKey, isVoidFulfillment } from './status-categories';
import { summarizeShipments } from './summarize-shipments';

export interface OrderViewContext {
  now: Date;
  /** The shop's IANA zone (`America/New_York`); an unknown zone falls back to UTC. */
  timeZone: string;
  shopName?: string;
  /** Days without a carrier scan before a parcel in transit is flagged (default 4). */
  staleScanDays?: number;
  /** The shopper's language for every word and date of the view (English when absent). */
  locale?: Locale;
}

function orderItems(order: SourceOrder, itemWord: string): ViewItem[] {
  const nodes = order.lineItems.nodes;
  // Cancelled or fully refunded orders drop every current quantity to 0; then show what was ordered.
  const useCurrent = nodes.some((i) => (i.currentQuantity ?? i.quantity) > 0);
  return nodes
    .map((i) => ({
      title: plainText(i.title) ?? itemWord,
      variantTitle: plainText(i.variantTitle),
      quantity: useCurrent ? (i.currentQuantity ?? i.quantity) : i.quantity,
    }))
    .filter((i) => i.quantity > 0);
}

function money(order: SourceOrder, set: 'totalPriceSet' | 'totalRefundedSet'): { amount: string; currencyCode: string } | null {
  const m = order[set]?.shopMoney;
  return m && Number.isFinite(Number(m.amount)) ? { amount: m.amount, currencyCode: m.currencyCode } : null;
}

/** Money refunded so far: Shopify's total when positive, else the sum of the refunds listed; null when none. */
function refundedMoney(order: SourceOrder): { amount: string; currencyCode: string } | null {
  const total = money(order, 'totalRefundedSet');
  if (total && Number(total.amount) > 0) return total;
  const parts = (order.refunds ?? []).map((r) => r.totalRefundedSet?.shopMoney).filter((m): m is { amount: string; currencyCode: string } => Boolean(m));
  const sum = parts.reduce((acc, m) => acc + Number(m.amount), 0);
  const currency = parts[0]?.currencyCode;
  return currency && Number.isFinite(sum) && sum > 0 && parts.every((m) => m.currencyCode === currency)
    ? { amount: sum.toFixed(2), currencyCode: currency }
    : null;
}

/**
 * Shapes a Shopify order into the shopper-safe view (see shopper-order-view.ts): no street address, phone,
 * payment details or full email; plain text only. Deterministic for a given order and `now`; never throws on
 * unknown enum values, missing fields or a bad time zone.
 */
export function buildOrderView(order: SourceOrder, context: OrderViewContext): ShopperOrderView {
  const timeZone = safeTimeZone(context.timeZone);
  const now = context.now;
  const locale = context.locale ?? DEFAULT_LOCALE;
  const t = translator(locale, 'status');
  const shopName = plainText(context.shopName, 80);
  const active = order.fulfillments.filter((f) => !isVoidFulfillment(f.status, f.displayStatus));
  const shipmentCtx = { now, timeZone, orderHasShippingAddress: Boolean(order.shippingAddress), staleScanDays: context.staleScanDays, locale };
  const shipments = active.map((f, index) => buildShipmentView(f, { index, count: active.length }, shipmentCtx));
  const unshippedItemCount = countUnshippedItems(order);
  const plan = readFulfillmentPlan(order, timeZone, locale);
  const status = deriveOrderStatus(order, shipments, unshippedItemCount, plan.holdReason);
  const summary = summarizeShipments(shipments, unshippedItemCount, locale);

  const refunded = refundKind(order);
  const refundAmount = refundedMoney(order);
  const amountText = formatMoney(refundAmount, locale);
  const financial = enumKey(order.displayFinancialStatus);
  const refundNote = refunded ? t(amountText ? 'refund.issuedAmount' : 'refund.issued', { kind: refunded, amount: amountText ?? '' }) : null;
  const cancelledAt = parseTime(order.cancelledAt);
  const cancellationNote =
    refundNote ?? (financial === 'VOIDED' ? t('cancellation.voided') : t('cancellation.askStore', { named: yesNo(shopName), store: shopName ?? '' }));
  const cancelledDisplay = cancelledAt ? formatDateTime(cancelledAt, timeZone, locale) : null;

  const placed = parseTime(order.processedAt) ?? parseTime(order.createdAt) ?? now;
  const address = order.shippingAddress;
  const lastScan = shipments
    .map((s) => s.latestEvent?.at)
    .filter((a): a is string => Boolean(a))
    .sort()
    .at(-1);
  const orderName = plainText(order.name, 40) ?? order.name;
  const { headline, message } = composeStatusMessage({
    status,
    orderName,
    shipments,
    summary,
    unshippedItemCount,
    destinationCity: plainText(address?.city, 80),
    cancelledDisplay,
    refundNote: status === 'cancelled' ? cancellationNote : refundNote,
    shopName,
    financialStatus: financial,
    plan,
    ageDays: (now.getTime() - placed.getTime()) / 86_400_000,
    locale,
  });

  return {
    version: SHOPPER_ORDER_VIEW_VERSION,
    orderId: order.legacyResourceId,
    orderName,
    placedAt: { at: placed.toISOString(), display: formatDateTime(placed, timeZone, locale) },
    status,
    headline,
    message,
    customerFirstName: plainText(address?.firstName ?? order.customer?.firstName, 40),
    destination: address ? { city: plainText(address.city, 80), country: plainText(address.country ?? address.countryCodeV2, 80) } : null,
    maskedEmail: maskEmail(order.email),
    total: money(order, 'totalPriceSet'),
    items: orderItems(order, t('item')),
    shipments,
    shipmentSummary: summary,
    unshippedItemCount,
    refund: refunded && refundNote ? { kind: refunded, amount: refundAmount, note: refundNote } : null,
    cancellation: cancelledAt && cancelledDisplay ? { at: cancelledAt.toISOString(), display: cancelledDisplay, note: cancellationNote } : null,
    delivery: plan.method === 'shipping' ? null : { method: plan.method, location: plan.location, window: plan.window },
    timeline: buildTimeline(order, shipments, timeZone, locale),
    freshness: {
      lastCarrierUpdateAt: lastScan ?? null,
      text: lastScan ? t('freshness.lastCarrierUpdate', { age: formatAge(new Date(lastScan), now, locale) }) : null,
    },
    timeZone,
    generatedAt: now.toISOString(),
  };
}
