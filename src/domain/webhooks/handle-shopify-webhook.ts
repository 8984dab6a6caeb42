import type { z } from 'zod';
import { handleAppUninstalled } from './handle-app-uninstalled';
import { handleCustomersDataRequest, handleCustomersRedact, handleShopRedact } from './handle-compliance-webhooks';
import { handleLocalesWebhook } from './handle-locales-webhook';
import { handleOrderChildWebhook, handleOrderWebhook } from './handle-order-webhook';
import { verifyWebhookHmac } from './webhook-hmac';
import type { WebhookDeps, WebhookResult, WebhookShop } from './webhook-deps';
import * as payloads from './webhook-payloads';
import { parseJsonLossless, readWebhookHeaders, type WebhookHeaders, type WebhookRequest } from './webhook-request';

type Route = {
  schema: z.ZodType;
  /** Compliance and uninstall topics still apply to an uninstalled shop; order topics do not. */
  whenUninstalled: boolean;
  /** The signed body field that must name the same shop as the (unsigned) Shop-Domain header. */
  domainField?: string;
  run: (deps: WebhookDeps, shop: WebhookShop, payload: never, headers: WebhookHeaders) => Promise<Record<string, unknown>>;
};

const order: Route = { schema: payloads.orderPayloadSchema, whenUninstalled: false, run: handleOrderWebhook };
const orderChild: Route = { schema: payloads.orderChildPayloadSchema, whenUninstalled: false, run: handleOrderChildWebhook };
const locales: Route = { schema: payloads.localePayloadSchema, whenUninstalled: false, run: (deps, shop) => handleLocalesWebhook(deps, shop) };

const routes: Record<string, Route> = {
  'orders/create': order,
  'orders/updated': order,
  'orders/cancelled': order,
  'orders/fulfilled': order,
  'orders/partially_fulfilled': order,
  'orders/paid': order,
  'fulfillments/create': orderChild,
  'fulfillments/update': orderChild,
  'fulfillment_events/create': orderChild,
  'locales/create': locales,
  'locales/update': locales,
  'locales/destroy': locales,
  'app/uninstalled': {
    schema: payloads.appUninstalledPayloadSchema,
    whenUninstalled: true,
    domainField: 'myshopify_domain',
    run: (deps, shop, _payload, headers) => handleAppUninstalled(deps, shop, headers),
  },
  'customers/redact': { schema: payloads.customersRedactPayloadSchema, whenUninstalled: true, domainField: 'shop_domain', run: handleCustomersRedact },
  'customers/data_request': {
    schema: payloads.customersDataRequestPayloadSchema,
    whenUninstalled: true,
    domainField: 'shop_domain',
    run: handleCustomersDataRequest,
  },
  'shop/redact': {
    schema: payloads.shopRedactPayloadSchema,
    whenUninstalled: true,
    domainField: 'shop_domain',
    run: (deps, shop) => handleShopRedact(deps, shop),
  },
};

/** Every topic the dispatcher acts on (the rest are acknowledged and ignored). */
export const HANDLED_TOPICS: readonly string[] = Object.keys(routes);

const reply = (status: number, body: Record<string, unknown>): WebhookResult => ({ status, body });

/**
 * POST /api/webhooks/shopify. Guarantees: nothing is written or dropped before the HMAC of the raw body checks
 * out (401 otherwise, also when the signature header is missing; the only read before it is the shop row, to
 * pick its secret); each X-Shopify-Webhook-Id
 * is processed at most once, and a failed processing
 * answers 500 and forgets the id so Shopify's retry runs it; unknown or uninstalled shops get a 2xx so
 * Shopify stops retrying. Logs shop, topic and webhook id, never the payload.
 */
export async function handleShopifyWebhook(deps: WebhookDeps, request: WebhookRequest): Promise<WebhookResult> {
  if (request.method.toUpperCase() !== 'POST') return reply(405, { error: 'method_not_allowed' });
  // No signature is an authentication failure like a wrong one (same 401, same body), checked before the rest.
  if (!request.headers.get('x-shopify-hmac-sha256')?.trim()) {
    deps.logger.warn('shopify webhook refused', { reason: 'missing_hmac' });
    return reply(401, { error: 'invalid_hmac' });
  }
  const headers = readWebhookHeaders(request.headers);
  if (!headers) {
    deps.logger.warn('shopify webhook refused', { reason: 'missing_headers' });
    return reply(400, { error: 'missing_headers' });
  }
  const log = { shop: headers.shopDomain, topic: headers.topic, webhookId: headers.webhookId };

  const shop = await deps.shops.findShopByDomain(headers.shopDomain);
  const secret = (shop ? await deps.shops.getWebhookSecret(shop) : null) ?? deps.appSecret;
  if (!verifyWebhookHmac(secret, request.body, headers.hmac)) {
    deps.logger.warn('shopify webhook refused', { ...log, reason: 'invalid_hmac' });
    return reply(401, { error: 'invalid_hmac' });
  }

  const route = routes[headers.topic];
  if (!route) return ignored(deps, log, 'unsupported_topic');
  let payload: unknown;
  try {
    payload = route.schema.parse(parseJsonLossless(new TextDecoder('utf-8', { fatal: true }).decode(request.body)));
  } catch {
    deps.logger.warn('shopify webhook refused', { ...log, reason: 'invalid_payload' });
    return reply(400, { error: 'invalid_payload' });
  }
  // Only the body is signed: a captured body replayed under another shop's header must not act on that shop.
  if (route.domainField && String((payload as Record<string, unknown>)[route.domainField]).toLowerCase() !== headers.shopDomain) {
    deps.logger.warn('shopify webhook refused', { ...log, reason: 'shop_mismatch' });
    return reply(400, { error: 'shop_mismatch' });
  }
  if (!shop) return ignored(deps, log, 'unknown_shop');
  if (shop.uninstalledAt && !route.whenUninstalled) return ignored(deps, log, 'shop_uninstalled');

  if (!(await deps.deliveries.claim({ webhookId: headers.webhookId, shopDomain: headers.shopDomain, topic: headers.topic }))) {
    deps.logger.info('shopify webhook', { ...log, outcome: 'duplicate' });
    return reply(200, { ok: true, duplicate: true });
  }
  try {
    const result = await route.run(deps, shop, payload as never, headers);
    deps.logger.info('shopify webhook', { ...log, outcome: 'processed' });
    return reply(200, { ok: true, topic: headers.topic, ...result });
  } catch (error) {
    await deps.deliveries.release(headers.webhookId).catch(() => {});
    deps.logger.error('shopify webhook failed', { ...log, error: error instanceof Error ? error.message : String(error) });
    return reply(500, { error: 'processing_failed' });
  }
}

function ignored(deps: WebhookDeps, log: Record<string, unknown>, reason: string): WebhookResult {
  deps.logger.info('shopify webhook', { ...log, outcome: 'ignored', reason });
  return reply(200, { ok: true, ignored: reason });
}
