/**
 * The closed vocabularies of the shopper's view and the mapping from Shopify's open ones. Shopify adds enum
 * values between API versions, so every mapping is total: an unknown value falls back to a safe, generic
 * meaning and never throws.
 */
export const ORDER_STATUS_CATEGORIES = [
  'payment_pending',
  'confirmed',
  'on_hold',
  'payment_problem',
  'partially_shipped',
  'shipped',
  'in_transit',
  'out_for_delivery',
  'attempted_delivery',
  'ready_for_pickup',
  'partially_delivered',
  'delivered',
  'delivery_problem',
  'cancelled',
  'refunded',
  'digital',
] as const;
export type OrderStatusCategory = (typeof ORDER_STATUS_CATEGORIES)[number];

export const SHIPMENT_STATUS_CATEGORIES = [
  'shipped',
  'in_transit',
  'out_for_delivery',
  'attempted_delivery',
  'ready_for_pickup',
  'delivered',
  'delivery_problem',
] as const;
export type ShipmentStatusCategory = (typeof SHIPMENT_STATUS_CATEGORIES)[number];

/** Carrier/fulfillment statuses (GraphQL upper-case or REST lower-case) → shipment category; null = says nothing. */
const SHIPMENT_STATUS_MAP: Record<string, ShipmentStatusCategory> = {
  LABEL_PRINTED: 'shipped',
  LABEL_PURCHASED: 'shipped',
  CONFIRMED: 'shipped',
  SUBMITTED: 'shipped',
  CARRIER_PICKED_UP: 'in_transit',
  IN_TRANSIT: 'in_transit',
  DELAYED: 'in_transit',
  OUT_FOR_DELIVERY: 'out_for_delivery',
  ATTEMPTED_DELIVERY: 'attempted_delivery',
  READY_FOR_PICKUP: 'ready_for_pickup',
  DELIVERED: 'delivered',
  PICKED_UP: 'delivered',
  FAILURE: 'delivery_problem',
  NOT_DELIVERED: 'delivery_problem',
  RETURNING_TO_SENDER: 'delivery_problem',
  BUYER_ACTION_REQUIRED: 'delivery_problem',
};

export function enumKey(value: string | null | undefined): string {
  return (value ?? '').trim().toUpperCase();
}

/** Shipment category a carrier/fulfillment status implies, or null when it implies none (FULFILLED, unknown…). */
export function shipmentCategoryOf(status: string | null | undefined): ShipmentStatusCategory | null {
  return SHIPMENT_STATUS_MAP[enumKey(status)] ?? null;
}

/**
 * Fulfillments that never became or no longer are a parcel are left out of the view: cancelled, label voided,
 * or failed at the fulfillment service (FulfillmentStatus ERROR/FAILURE; Shopify puts their items back to
 * unfulfilled). A carrier-reported failure is a fulfillment event/displayStatus instead, shown as a problem.
 */
export function isVoidFulfillment(status: string | null | undefined, displayStatus: string | null | undefined): boolean {
  return ['CANCELLED', 'ERROR', 'FAILURE'].includes(enumKey(status)) || ['CANCELED', 'CANCELLED', 'LABEL_VOIDED'].includes(enumKey(displayStatus));
}

/** Statuses of a shipment still on its way, most urgent for the shopper first (used for order precedence). */
export const PENDING_SHIPMENT_PRECEDENCE: readonly ShipmentStatusCategory[] = [
  'delivery_problem',
  'attempted_delivery',
  'ready_for_pickup',
  'out_for_delivery',
  'in_transit',
  'shipped',
];
