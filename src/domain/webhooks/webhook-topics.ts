/**
 * The webhook topics this app acts on, in one place. The dispatcher (handle-shopify-webhook.ts), the
 * subscriptions we create through the Admin API and shopify.app.toml must agree; webhook-topics.test.ts
 * fails when they do not.
 */

/**
 * Order and fulfilment changes that make a cached order stale, the shop's storefront languages (`read_locales`),
 * plus the uninstall. Subscribable through the API.
 */
export const SUBSCRIBED_TOPICS = [
  'orders/create',
  'orders/updated',
  'orders/cancelled',
  'orders/fulfilled',
  'orders/partially_fulfilled',
  'orders/paid',
  'fulfillments/create',
  'fulfillments/update',
  'fulfillment_events/create',
  'locales/create',
  'locales/update',
  'locales/destroy',
  'app/uninstalled',
] as const;

/** Mandatory privacy topics: Shopify takes these only from the app configuration, never through the API. */
export const COMPLIANCE_TOPICS = ['customers/data_request', 'customers/redact', 'shop/redact'] as const;

export type SubscribedTopic = (typeof SUBSCRIBED_TOPICS)[number];

/** Our webhook route; the callback address of every subscription is APP_URL + this path. */
export const WEBHOOK_ROUTE_PATH = '/api/webhooks/shopify';

/** `orders/partially_fulfilled` → `ORDERS_PARTIALLY_FULFILLED` (GraphQL `WebhookSubscriptionTopic`). */
export function topicToGraphqlEnum(topic: string): string {
  return topic.replace(/\//g, '_').toUpperCase();
}

/** The inverse for the topics we know; null for any other enum value (another app's or a new one). */
export function topicFromGraphqlEnum(value: string): SubscribedTopic | null {
  return SUBSCRIBED_TOPICS.find((topic) => topicToGraphqlEnum(topic) === value) ?? null;
}

/** APP_URL + the webhook route, without a doubled slash; null when APP_URL is not an absolute http(s) URL. */
export function webhookCallbackUrl(appUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(appUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}${WEBHOOK_ROUTE_PATH}`;
}
