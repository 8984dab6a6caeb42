/**
 * Neutral in-memory shape of the demo shop's data. Renderers turn it into GraphQL (UTC, gids, enums)
 * or REST (snake_case, shop-offset timestamps, integer ids). Money is always a 2-dp string here.
 */

export type FinancialStatus = 'pending' | 'authorized' | 'partially_paid' | 'paid' | 'partially_refunded' | 'refunded' | 'voided' | 'expired';

/** GraphQL OrderDisplayFulfillmentStatus (the richer of the two vocabularies). */
export type DisplayFulfillmentStatus =
  'UNFULFILLED' | 'PARTIALLY_FULFILLED' | 'FULFILLED' | 'ON_HOLD' | 'IN_PROGRESS' | 'SCHEDULED' | 'RESTOCKED' | 'REQUEST_DECLINED';

/** REST shipment_status / event status vocabulary (lowercase). */
export type ShipmentStatus =
  | 'label_printed'
  | 'label_purchased'
  | 'confirmed'
  | 'in_transit'
  | 'out_for_delivery'
  | 'attempted_delivery'
  | 'ready_for_pickup'
  | 'delivered'
  | 'failure'
  | 'delayed'
  | 'carrier_picked_up';

export type FulfillmentStatus = 'success' | 'cancelled' | 'failure' | 'error' | 'open' | 'pending';

export type CancelReason = 'customer' | 'fraud' | 'inventory' | 'declined' | 'other' | 'staff';

export interface Address {
  firstName: string;
  lastName: string;
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  provinceCode: string | null;
  country: string;
  countryCode: string;
  zip: string;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface Customer {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  createdAt: string;
}

export interface LineItem {
  id: number;
  productId: number;
  variantId: number;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  vendor: string;
  quantity: number;
  price: string;
  requiresShipping: boolean;
  imageUrl: string | null;
}

export interface FulfillmentEvent {
  id: number;
  status: ShipmentStatus;
  happenedAt: string;
  createdAt: string;
  message: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  zip: string | null;
  estimatedDeliveryAt: string | null;
}

export interface FulfillmentLine {
  id: number;
  lineItemId: number;
  quantity: number;
}

export interface Fulfillment {
  id: number;
  name: string;
  status: FulfillmentStatus;
  shipmentStatus: ShipmentStatus | null;
  createdAt: string;
  updatedAt: string;
  inTransitAt: string | null;
  deliveredAt: string | null;
  estimatedDeliveryAt: string | null;
  trackingCompany: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  locationId: number;
  lines: FulfillmentLine[];
  /** Chronological (oldest first). */
  events: FulfillmentEvent[];
}

export interface Refund {
  id: number;
  createdAt: string;
  note: string | null;
  amount: string;
  lines: { lineItemId: number; quantity: number }[];
}

/** How the order reaches the shopper (GraphQL DeliveryMethodType) and, for local delivery or pickup, when and where. */
export interface DeliveryMethod {
  type: 'SHIPPING' | 'LOCAL' | 'PICK_UP' | 'PICKUP_POINT' | 'RETAIL' | 'NONE';
  /** Local delivery window start / earliest pickup time. */
  minDeliveryAt: string | null;
  maxDeliveryAt: string | null;
  /** The store location a pickup order is collected from. */
  location: { name: string; address1: string; city: string } | null;
}

export interface Order {
  id: number;
  shop: string;
  orderNumber: number;
  name: string;
  email: string | null;
  phone: string | null;
  token: string;
  confirmationNumber: string;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  cancelReason: CancelReason | null;
  closedAt: string | null;
  financialStatus: FinancialStatus;
  displayFulfillmentStatus: DisplayFulfillmentStatus;
  test: boolean;
  tags: string[];
  currency: string;
  subtotalPrice: string;
  shippingPrice: string;
  totalTax: string;
  totalPrice: string;
  sourceName: 'web' | 'pos' | 'shopify_draft_order';
  note: string | null;
  customer: Customer | null;
  shippingAddress: Address | null;
  billingAddress: Address | null;
  lineItems: LineItem[];
  fulfillments: Fulfillment[];
  refunds: Refund[];
  /** Unset: SHIPPING when an item needs shipping, else NONE. */
  deliveryMethod?: DeliveryMethod;
  /** GraphQL FulfillmentHoldReason of an ON_HOLD order (`INCORRECT_ADDRESS`); unset = a hold without a reason. */
  holdReason?: string;
  /** When a SCHEDULED fulfillment order becomes ready to fulfil (subscriptions, pre-orders). */
  fulfillAt?: string;
}

/** Quantity of a line item shipped by non-cancelled fulfillments. */
export function fulfilledQuantity(order: Order, lineItemId: number): number {
  let n = 0;
  for (const f of order.fulfillments) {
    if (f.status === 'cancelled' || f.status === 'failure') continue;
    for (const l of f.lines) if (l.lineItemId === lineItemId) n += l.quantity;
  }
  return n;
}

export function refundedQuantity(order: Order, lineItemId: number): number {
  let n = 0;
  for (const r of order.refunds) for (const l of r.lines) if (l.lineItemId === lineItemId) n += l.quantity;
  return n;
}

export function unfulfilledQuantity(order: Order, item: LineItem): number {
  if (!item.requiresShipping) return 0;
  return Math.max(0, item.quantity - refundedQuantity(order, item.id) - fulfilledQuantity(order, item.id));
}

export function totalRefunded(order: Order): string {
  return order.refunds.reduce((sum, r) => sum + Number(r.amount), 0).toFixed(2);
}
