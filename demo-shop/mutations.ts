/** Merchant / carrier actions that change an order and yield the REST-shaped webhook payloads Shopify would send. */
import type { CancelReason, FulfillmentEvent, Order, ShipmentStatus } from './model';
import { unfulfilledQuantity } from './model';
import { restEvent, restFulfillment, restOrder } from './render-rest';
import { getCarrier } from './seed/carriers';
import { applyEventSummary } from './seed/shipments';
import type { ShopConfig } from './shops';
import type { DemoStore } from './store';
import { isoUtc } from './time';

export interface MutationOutcome {
  order: Order;
  /** Topic → REST payload (unwrapped resource), in the order Shopify would emit them. */
  payloads: [topic: string, payload: unknown][];
}

export interface FulfillInput {
  carrier: string | null;
  trackingNumber?: string | null;
  trackingUrl?: string | null;
  /** Only these line items (default: everything still unfulfilled). */
  lineItemIds?: number[];
}

export interface EventInput {
  status: ShipmentStatus;
  message?: string | null;
  city?: string | null;
  province?: string | null;
  country?: string | null;
  zip?: string | null;
  happenedAt?: string;
  estimatedDeliveryAt?: string | null;
  /** Defaults to the latest fulfillment. */
  fulfillmentId?: number;
}

function locate(store: DemoStore, domain: string, orderName: string): { shop: ShopConfig; order: Order } {
  const shop = store.shop(domain);
  const order = shop ? store.findOrderByName(shop.domain, orderName) : undefined;
  if (!shop || !order) throw new Error(`demo shop: no order ${orderName} in ${domain}`);
  return { shop, order };
}

function refreshFulfillmentStatus(order: Order): void {
  const shippable = order.lineItems.filter((l) => l.requiresShipping);
  const open = shippable.filter((l) => unfulfilledQuantity(order, l) > 0).length;
  order.displayFulfillmentStatus = open === 0 ? 'FULFILLED' : open < shippable.length || order.fulfillments.length > 0 ? 'PARTIALLY_FULFILLED' : 'UNFULFILLED';
}

export function fulfillOrder(store: DemoStore, nowMs: number, domain: string, orderName: string, input: FulfillInput): MutationOutcome {
  const { shop, order } = locate(store, domain, orderName);
  if (order.cancelledAt) throw new Error(`demo shop: ${orderName} is cancelled`);
  const ids = store.shopData(shop.domain).ids;
  const lines = order.lineItems
    .filter((l) => !input.lineItemIds || input.lineItemIds.includes(l.id))
    .map((l) => ({ id: ids.next('fulfillmentLine'), lineItemId: l.id, quantity: unfulfilledQuantity(order, l) }))
    .filter((l) => l.quantity > 0);
  if (lines.length === 0) throw new Error(`demo shop: nothing left to fulfill on ${orderName}`);
  let url = input.trackingUrl ?? null;
  if (url === null && input.trackingUrl === undefined && input.carrier && input.trackingNumber) {
    try {
      url = getCarrier(input.carrier).trackingUrl(input.trackingNumber);
    } catch {
      url = null;
    }
  }
  const now = isoUtc(nowMs);
  const f = {
    id: ids.next('fulfillment'),
    name: `${order.name}.${order.fulfillments.length + 1}`,
    status: 'success' as const,
    shipmentStatus: null,
    createdAt: now,
    updatedAt: now,
    inTransitAt: null,
    deliveredAt: null,
    estimatedDeliveryAt: null,
    trackingCompany: input.carrier,
    trackingNumber: input.trackingNumber ?? null,
    trackingUrl: url,
    locationId: shop.shopId + 1,
    lines,
    events: [],
  };
  order.fulfillments.push(f);
  refreshFulfillmentStatus(order);
  order.updatedAt = now;
  const fulfilledTopic = order.displayFulfillmentStatus === 'FULFILLED' ? 'orders/fulfilled' : 'orders/partially_fulfilled';
  return {
    order,
    payloads: [
      ['fulfillments/create', restFulfillment(order, f, shop)],
      [fulfilledTopic, restOrder(order, shop)],
      ['orders/updated', restOrder(order, shop)],
    ],
  };
}

export function addFulfillmentEvent(store: DemoStore, nowMs: number, domain: string, orderName: string, input: EventInput): MutationOutcome {
  const { shop, order } = locate(store, domain, orderName);
  const f = input.fulfillmentId ? order.fulfillments.find((x) => x.id === input.fulfillmentId) : order.fulfillments[order.fulfillments.length - 1];
  if (!f) throw new Error(`demo shop: ${orderName} has no such fulfillment`);
  const now = isoUtc(nowMs);
  const event: FulfillmentEvent = {
    id: store.shopData(shop.domain).ids.next('event'),
    status: input.status,
    happenedAt: input.happenedAt ?? now,
    createdAt: now,
    message: input.message ?? null,
    city: input.city ?? null,
    province: input.province ?? null,
    country: input.country ?? null,
    zip: input.zip ?? null,
    estimatedDeliveryAt: input.estimatedDeliveryAt ?? f.estimatedDeliveryAt,
  };
  f.events.push(event);
  f.events.sort((a, b) => a.happenedAt.localeCompare(b.happenedAt) || a.id - b.id);
  applyEventSummary(f);
  f.updatedAt = now;
  order.updatedAt = now;
  return {
    order,
    payloads: [
      ['fulfillment_events/create', restEvent(order, f, event, shop)],
      ['fulfillments/update', restFulfillment(order, f, shop)],
      ['orders/updated', restOrder(order, shop)],
    ],
  };
}

export function cancelOrder(store: DemoStore, nowMs: number, domain: string, orderName: string, reason: CancelReason = 'customer'): MutationOutcome {
  const { shop, order } = locate(store, domain, orderName);
  if (order.cancelledAt) throw new Error(`demo shop: ${orderName} is already cancelled`);
  const now = isoUtc(nowMs);
  order.cancelledAt = now;
  order.closedAt = now;
  order.cancelReason = reason;
  if (order.financialStatus === 'pending' || order.financialStatus === 'authorized') order.financialStatus = 'voided';
  else {
    order.financialStatus = 'refunded';
    order.refunds.push({
      id: store.shopData(shop.domain).ids.next('refund'),
      createdAt: now,
      note: 'Order cancelled',
      amount: order.totalPrice,
      lines: order.lineItems.map((l) => ({ lineItemId: l.id, quantity: l.quantity })),
    });
  }
  order.updatedAt = now;
  return {
    order,
    payloads: [
      ['orders/cancelled', restOrder(order, shop)],
      ['orders/updated', restOrder(order, shop)],
    ],
  };
}
