import { z } from 'zod';

/**
 * Webhook bodies, as much of them as we use. Loose objects: Shopify adds fields in every version, and a new
 * field must never turn a delivery into a 400 (Shopify would retry it for hours, then drop the subscription).
 */

/** A Shopify numeric id as a decimal string (large ones arrive as strings from `parseJsonLossless`). */
export const shopifyIdSchema = z
  .union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,20}$/)])
  .transform((value) => String(value));

/** REST Order, unwrapped: orders/create, updated, cancelled, fulfilled, paid, partially_fulfilled. */
export const orderPayloadSchema = z.looseObject({
  id: shopifyIdSchema,
  name: z.string().max(200).nullish(),
  order_number: z.union([z.number().int(), z.string()]).nullish(),
});

/** REST Fulfillment (fulfillments/create, fulfillments/update) and FulfillmentEvent (fulfillment_events/create). */
export const orderChildPayloadSchema = z.looseObject({
  id: shopifyIdSchema.nullish(),
  order_id: shopifyIdSchema,
});

/** REST Shop resource. `myshopify_domain` binds the signed body to the unsigned Shop-Domain header. */
export const appUninstalledPayloadSchema = z.looseObject({
  id: shopifyIdSchema.nullish(),
  myshopify_domain: z.string().min(1),
});

const compliancePayload = z.looseObject({
  shop_id: shopifyIdSchema.nullish(),
  shop_domain: z.string().min(1),
});

const complianceCustomer = z.looseObject({
  id: shopifyIdSchema.nullish(),
  email: z.string().max(1000).nullish(),
  phone: z.string().nullish(),
});

export const customersRedactPayloadSchema = compliancePayload.extend({
  customer: complianceCustomer,
  orders_to_redact: z.array(shopifyIdSchema).max(10_000).default([]),
});

export const customersDataRequestPayloadSchema = compliancePayload.extend({
  customer: complianceCustomer,
  orders_requested: z.array(shopifyIdSchema).max(10_000).default([]),
  data_request: z.looseObject({ id: shopifyIdSchema.nullish() }).nullish(),
});

export const shopRedactPayloadSchema = compliancePayload;

/** locales/create, locales/update, locales/destroy: one shop locale (`{ "locale": "fr", "published": true }`). */
export const localePayloadSchema = z.looseObject({ locale: z.string().min(1).max(35), published: z.boolean().nullish() });

export type OrderPayload = z.infer<typeof orderPayloadSchema>;
export type OrderChildPayload = z.infer<typeof orderChildPayloadSchema>;
export type AppUninstalledPayload = z.infer<typeof appUninstalledPayloadSchema>;
export type CustomersRedactPayload = z.infer<typeof customersRedactPayloadSchema>;
export type CustomersDataRequestPayload = z.infer<typeof customersDataRequestPayloadSchema>;
export type ShopRedactPayload = z.infer<typeof shopRedactPayloadSchema>;
