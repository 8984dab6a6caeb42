/**
 * `/_demo/...` control API for tests and scripts in other processes. Loopback-only, refuses browser
 * cross-origin requests, and optionally requires `X-Demo-Token`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { buildAppProxyQuery } from './app-proxy';
import { faultConfigSchema } from './faults';
import { isLoopback, readBody, sendJson } from './http-util';
import type { DemoShop } from './server';

const shipmentStatus = z.enum([
  'label_printed',
  'label_purchased',
  'confirmed',
  'in_transit',
  'out_for_delivery',
  'attempted_delivery',
  'ready_for_pickup',
  'delivered',
  'failure',
  'delayed',
  'carrier_picked_up',
]);
const bucket = z.object({ max: z.number().positive(), rate: z.number().positive() });

const schemas = {
  faults: faultConfigSchema.extend({ shop: z.string().optional() }),
  limits: z.object({ shop: z.string(), graphql: bucket.optional(), rest: bucket.optional() }),
  subscription: z.object({ shop: z.string(), topic: z.string(), callbackUrl: z.string(), app: z.string().optional() }),
  fulfill: z.object({
    shop: z.string(),
    order: z.string(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable().optional(),
    trackingUrl: z.string().nullable().optional(),
  }),
  event: z.object({
    shop: z.string(),
    order: z.string(),
    status: shipmentStatus,
    message: z.string().nullable().optional(),
    city: z.string().nullable().optional(),
    happenedAt: z.string().optional(),
    estimatedDeliveryAt: z.string().nullable().optional(),
    fulfillmentId: z.number().optional(),
  }),
  cancel: z.object({ shop: z.string(), order: z.string(), reason: z.enum(['customer', 'fraud', 'inventory', 'declined', 'other', 'staff']).optional() }),
  webhook: z.object({
    shop: z.string(),
    topic: z.string(),
    payload: z.unknown().optional(),
    rawBody: z.string().optional(),
    url: z.string().url(),
    secret: z.string().optional(),
    webhookId: z.string().optional(),
    eventId: z.string().optional(),
    tamper: z.union([z.boolean(), z.enum(['body', 'hmac', 'missing'])]).optional(),
  }),
  reset: z.object({ reseed: z.boolean().optional() }),
  locale: z.object({
    shop: z.string(),
    locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/),
    published: z.boolean().optional(),
    remove: z.boolean().optional(),
  }),
};

export async function handleControl(demo: DemoShop, controlToken: string | undefined, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const origin = req.headers.origin;
  if (!isLoopback(req.socket.remoteAddress) || (origin && !/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin))) {
    return sendJson(res, 403, { error: 'control API is local-only' });
  }
  if (controlToken && req.headers['x-demo-token'] !== controlToken) return sendJson(res, 401, { error: 'bad X-Demo-Token' });
  const route = `${req.method ?? 'GET'} ${url.pathname.replace(/\/$/, '')}`;
  const raw = req.method === 'POST' ? await readBody(req) : '';
  const parse = <T extends z.ZodType>(schema: T): z.infer<T> => schema.parse(raw ? JSON.parse(raw) : {});
  try {
    switch (route) {
      case 'GET /_demo':
      case 'GET /_demo/shops':
        return sendJson(res, 200, { url: demo.url, clientId: demo.clientId, shops: demo.shops, schemaBuildMs: demo.schemaBuildMs });
      case 'GET /_demo/faults':
        return sendJson(res, 200, demo.controls.snapshot());
      case 'POST /_demo/faults': {
        const { shop, ...config } = parse(schemas.faults);
        demo.controls.set(config, shop);
        return sendJson(res, 200, demo.controls.snapshot());
      }
      case 'DELETE /_demo/faults':
        demo.controls.clear(url.searchParams.get('shop') ?? undefined);
        return sendJson(res, 200, demo.controls.snapshot());
      case 'GET /_demo/requests': {
        const shop = url.searchParams.get('shop');
        const kind = url.searchParams.get('kind');
        return sendJson(res, 200, { requests: demo.requestLog.filter((r) => (!shop || r.shop === shop) && (!kind || r.kind === kind)) });
      }
      case 'DELETE /_demo/requests':
        demo.clearLog();
        return sendJson(res, 200, { ok: true });
      case 'POST /_demo/reset':
        demo.reset(parse(schemas.reset));
        return sendJson(res, 200, { ok: true });
      case 'POST /_demo/limits': {
        const b = parse(schemas.limits);
        demo.setLimits(b.shop, { ...(b.graphql ? { graphql: b.graphql } : {}), ...(b.rest ? { rest: b.rest } : {}) });
        return sendJson(res, 200, { ok: true });
      }
      case 'GET /_demo/webhook-subscriptions':
        return sendJson(res, 200, { subscriptions: demo.webhookSubscriptions(url.searchParams.get('shop') ?? '', url.searchParams.get('app') ?? undefined) });
      case 'POST /_demo/webhook-subscriptions':
        return sendJson(res, 200, { subscription: demo.subscribeWebhook(stripUndefined(parse(schemas.subscription))) });
      case 'POST /_demo/orders/fulfill': {
        const b = parse(schemas.fulfill);
        return sendJson(
          res,
          200,
          await demo.fulfillOrder(b.shop, b.order, {
            carrier: b.carrier,
            ...(b.trackingNumber !== undefined ? { trackingNumber: b.trackingNumber } : {}),
            ...(b.trackingUrl !== undefined ? { trackingUrl: b.trackingUrl } : {}),
          }),
        );
      }
      case 'POST /_demo/orders/event': {
        const { shop, order, ...input } = parse(schemas.event);
        return sendJson(res, 200, await demo.addFulfillmentEvent(shop, order, stripUndefined(input)));
      }
      case 'POST /_demo/orders/cancel': {
        const b = parse(schemas.cancel);
        return sendJson(res, 200, await demo.cancelOrder(b.shop, b.order, b.reason));
      }
      case 'POST /_demo/locales': {
        const { shop, ...input } = parse(schemas.locale);
        return sendJson(res, 200, await demo.setShopLocale(shop, stripUndefined(input)));
      }
      case 'POST /_demo/webhooks':
        return sendJson(res, 200, await demo.sendWebhook(stripUndefined(parse(schemas.webhook))));
      case 'GET /_demo/app-proxy': {
        const p = url.searchParams;
        const q = buildAppProxyQuery(
          {
            shop: p.get('shop') ?? demo.shops[0]?.domain ?? '',
            pathPrefix: p.get('path_prefix') ?? '/apps/wismo',
            loggedInCustomerId: p.get('logged_in_customer_id'),
          },
          demo.clientSecret,
        );
        return sendJson(res, 200, { query: q.toString() });
      }
      default:
        return sendJson(res, 404, { error: `unknown control route ${route}` });
    }
  } catch (e) {
    const message = e instanceof z.ZodError ? z.prettifyError(e) : e instanceof Error ? e.message : String(e);
    return sendJson(res, 400, { error: message });
  }
}

function stripUndefined<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
