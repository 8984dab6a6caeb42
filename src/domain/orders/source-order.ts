import { z } from 'zod';

/**
 * An order as Shopify's GraphQL Admin API returns it for our order query (src/server/shopify/order-query.ts),
 * before any shopper-facing shaping. Enum fields are plain strings: newer API versions add values
 * (e.g. DELAYED, CARRIER_PICKED_UP) and an unknown value must never break a lookup.
 */
const money = z.object({ amount: z.string(), currencyCode: z.string() });

export const sourceEventSchema = z.object({
  id: z.string(),
  status: z.string(),
  happenedAt: z.string(),
  message: z.string().nullish(),
  city: z.string().nullish(),
  province: z.string().nullish(),
  country: z.string().nullish(),
  estimatedDeliveryAt: z.string().nullish(),
});

export const sourceFulfillmentSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  status: z.string(),
  displayStatus: z.string().nullish(),
  createdAt: z.string(),
  updatedAt: z.string().nullish(),
  inTransitAt: z.string().nullish(),
  deliveredAt: z.string().nullish(),
  estimatedDeliveryAt: z.string().nullish(),
  trackingInfo: z.array(z.object({ company: z.string().nullish(), number: z.string().nullish(), url: z.string().nullish() })),
  events: z.object({ nodes: z.array(sourceEventSchema) }),
  fulfillmentLineItems: z.object({
    nodes: z.array(z.object({ quantity: z.number(), lineItem: z.object({ id: z.string(), title: z.string(), variantTitle: z.string().nullish() }) })),
  }),
});

/**
 * Shopify's fulfillment orders: how the order reaches the shopper (shipping, local delivery, pickup), holds and
 * schedules. Empty without the fulfillment-order scopes (Shopify then returns no nodes), so every use is optional.
 * A hold's `reasonNotes` is the merchant's free text and is deliberately not read: only the `reason` enum.
 */
export const sourceFulfillmentOrderSchema = z.object({
  status: z.string(),
  fulfillAt: z.string().nullish(),
  fulfillmentHolds: z.array(z.object({ reason: z.string() })).nullish(),
  deliveryMethod: z.object({ methodType: z.string(), minDeliveryDateTime: z.string().nullish(), maxDeliveryDateTime: z.string().nullish() }).nullish(),
  assignedLocation: z.object({ name: z.string().nullish(), address1: z.string().nullish(), city: z.string().nullish() }).nullish(),
});

export const sourceOrderSchema = z.object({
  id: z.string(),
  legacyResourceId: z.string(),
  name: z.string(),
  email: z.string().nullish(),
  createdAt: z.string(),
  processedAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  cancelledAt: z.string().nullish(),
  cancelReason: z.string().nullish(),
  closedAt: z.string().nullish(),
  displayFinancialStatus: z.string().nullish(),
  displayFulfillmentStatus: z.string(),
  test: z.boolean(),
  currencyCode: z.string().nullish(),
  totalPriceSet: z.object({ shopMoney: money }).nullish(),
  totalRefundedSet: z.object({ shopMoney: money }).nullish(),
  customer: z.object({ id: z.string(), firstName: z.string().nullish() }).nullish(),
  shippingAddress: z
    .object({ firstName: z.string().nullish(), city: z.string().nullish(), country: z.string().nullish(), countryCodeV2: z.string().nullish() })
    .nullish(),
  lineItems: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        variantTitle: z.string().nullish(),
        quantity: z.number(),
        currentQuantity: z.number().nullish(),
        unfulfilledQuantity: z.number().nullish(),
        requiresShipping: z.boolean().nullish(),
      }),
    ),
  }),
  fulfillments: z.array(sourceFulfillmentSchema),
  fulfillmentOrders: z.object({ nodes: z.array(sourceFulfillmentOrderSchema) }).nullish(),
  refunds: z.array(z.object({ createdAt: z.string(), totalRefundedSet: z.object({ shopMoney: money }).nullish() })).nullish(),
});

export type SourceOrder = z.infer<typeof sourceOrderSchema>;
export type SourceFulfillment = z.infer<typeof sourceFulfillmentSchema>;
export type SourceEvent = z.infer<typeof sourceEventSchema>;
export type SourceFulfillmentOrder = z.infer<typeof sourceFulfillmentOrderSchema>;
