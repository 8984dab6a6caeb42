/**
 * The demo shop: a small HTTP server speaking the Shopify Admin API (GraphQL, REST, OAuth) for three
 * seeded shops, with fault injection, a request log, mutation helpers and a signed-webhook emitter.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdmin } from './admin-page';
import { handleApi } from './api-router';
import { handleControl } from './control-api';
import { FaultControls } from './faults';
import { loadAdminSchema } from './graphql-schema';
import { sendJson, type LoggedRequest } from './http-util';
import type { CancelReason, Order } from './model';
import { addFulfillmentEvent, cancelOrder, fulfillOrder, type EventInput, type FulfillInput, type MutationOutcome } from './mutations';
import { OAuthServer } from './oauth';
import { buildShopConfigs, type BucketConfig, type DemoShopLocale, type ShopConfig } from './shops';
import { DemoStore } from './store';
import { handleStorefront } from './storefront';
import { BucketRegistry } from './throttle';
import { sendWebhook as deliverWebhook, type WebhookDelivery, type WebhookOptions } from './webhooks';
import { DEMO_APP, topicEnum, WebhookSubscriptionRegistry, type WebhookSubscriptionRecord } from './webhook-subscriptions';

export type { LoggedRequest } from './http-util';
export type { FaultConfig } from './faults';

export interface StartDemoShopOptions {
  /** 0 (default) = random free port. */
  port?: number;
  seed?: number;
  /** Seed dates are relative to this instant; the shop clock then advances in real time. */
  now?: Date;
  clientId?: string;
  clientSecret?: string;
  /** Per-shop overrides, e.g. `{ 'acme-outdoors.myshopify.com': { graphqlBucket: { max: 50, rate: 1 } } }`. */
  shops?: Record<string, Partial<ShopConfig>>;
  /**
   * Signs deliveries (default: the client secret). Deliveries go only to the addresses subscribed through
   * `webhookSubscriptionCreate`, like Shopify's.
   */
  webhookSecret?: string;
  /** Accept `http://` callback addresses on loopback hosts (default true; Shopify itself refuses all http). */
  allowLoopbackHttpCallbacks?: boolean;
  /** Required `X-Demo-Token` header on `/_demo/*` when set. */
  controlToken?: string;
  logLimit?: number;
}

export interface DemoShopInfo {
  domain: string;
  name: string;
  accessToken: string;
  /** `http://127.0.0.1:PORT/shops/{domain}`: use it where the app expects `https://{domain}`. */
  origin: string;
  graphqlUrl: string;
  timezone: string;
  currency: string;
  shopId: number;
  orderCount: number;
}

export interface MutationResult {
  order: Order;
  payloads: [topic: string, payload: unknown][];
  deliveries: WebhookDelivery[];
}

export interface DemoShop {
  url: string;
  shops: DemoShopInfo[];
  clientId: string;
  clientSecret: string;
  apiVersion: string;
  controls: FaultControls;
  requestLog: LoggedRequest[];
  schemaBuildMs: number;
  startMs: number;
  data: {
    orders(shop: string): Order[];
    findOrder(shop: string, name: string): Order | undefined;
    shop(domain: string): ShopConfig | undefined;
  };
  clearLog(): void;
  /** Clears faults, log and rate-limit buckets; `reseed` also rebuilds all orders and forgets OAuth tokens and webhook subscriptions. */
  reset(options?: { reseed?: boolean }): void;
  setLimits(shop: string, limits: { graphql?: BucketConfig; rest?: BucketConfig }): void;
  /** Empties a shop's GraphQL point bucket (all tokens) so the next query is THROTTLED. */
  drainGraphqlBucket(shop: string): void;
  /** Every app's subscriptions in a shop (default: only the demo app's, as the Admin API lists them). */
  webhookSubscriptions(shop: string, app?: string): WebhookSubscriptionRecord[];
  /** Adds a subscription as another app (or the merchant's tooling) would have made it; refusals throw. */
  subscribeWebhook(input: { shop: string; topic: string; callbackUrl: string; app?: string }): WebhookSubscriptionRecord;
  fulfillOrder(shop: string, orderName: string, input: FulfillInput): Promise<MutationResult>;
  addFulfillmentEvent(shop: string, orderName: string, input: EventInput): Promise<MutationResult>;
  cancelOrder(shop: string, orderName: string, reason?: CancelReason): Promise<MutationResult>;
  /**
   * Adds, publishes or unpublishes (`published`) or removes (`remove`) a storefront language, as the merchant does
   * in Settings → Languages, and delivers `locales/create`, `locales/update` or `locales/destroy` like Shopify.
   */
  setShopLocale(
    shop: string,
    input: { locale: string; published?: boolean; remove?: boolean },
  ): Promise<{ locales: DemoShopLocale[]; deliveries: WebhookDelivery[] }>;
  sendWebhook(options: WebhookOptions): Promise<WebhookDelivery>;
  close(): Promise<void>;
}

export function shopOrigin(demo: Pick<DemoShop, 'url'>, domain: string): string {
  return `${demo.url}/shops/${domain}`;
}

export async function startDemoShop(options: StartDemoShopOptions = {}): Promise<DemoShop> {
  const started = performance.now();
  const { buildMs } = loadAdminSchema();
  const seed = options.seed ?? 20250101;
  const baseNow = (options.now ?? new Date()).getTime();
  const wallStart = Date.now();
  const clock = (): number => baseNow + (Date.now() - wallStart);
  const shopConfigs = buildShopConfigs(options.shops);
  const store = new DemoStore(shopConfigs, seed, baseNow);
  const clientId = options.clientId ?? 'demo-client-id';
  const clientSecret = options.clientSecret ?? 'demo-client-secret';
  const oauth = new OAuthServer(store, clientId, clientSecret);
  const buckets = new BucketRegistry(Date.now);
  const controls = new FaultControls(seed);
  const requestLog: LoggedRequest[] = [];
  const logLimit = options.logLimit ?? 5000;
  const webhookSecret = options.webhookSecret;
  const subscriptions = new WebhookSubscriptionRegistry({ allowLoopbackHttp: options.allowLoopbackHttpCallbacks ?? true });
  let url = '';

  const server: Server = createServer((req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (parsed.pathname.startsWith('/storefront/') && req.method === 'GET') return handleStorefront(res, parsed, (domain) => store.shop(domain));
    if (req.method === 'GET' && handleAdmin({ clientId, clientSecret, baseUrl: () => url, findShop: (domain) => store.shop(domain) }, res, parsed)) return;
    const work = parsed.pathname.startsWith('/_demo')
      ? handleControl(demo, options.controlToken, req, res, parsed)
      : handleApi(
          {
            store,
            subscriptions,
            oauth,
            buckets,
            controls,
            clock,
            baseUrl: () => url,
            record: (e) => {
              requestLog.push(e);
              if (requestLog.length > logLimit) requestLog.shift();
            },
          },
          req,
          res,
          parsed,
        );
    work.catch((e: unknown) => sendJson(res, 500, { errors: e instanceof Error ? e.message : 'Internal error' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const deliverPayloads = async (shop: string, payloads: MutationOutcome['payloads']): Promise<WebhookDelivery[]> => {
    const deliveries: WebhookDelivery[] = [];
    const eventId = randomUUID();
    for (const [topic, payload] of payloads) {
      // Each topic goes only to the addresses subscribed to it, in this shop (any app's).
      for (const target of subscriptions.forTopic(shop, topic)) {
        deliveries.push(
          await deliverWebhook({ shop, topic, payload, url: target.callbackUrl, eventId, ...(webhookSecret ? { secret: webhookSecret } : {}) }, clientSecret),
        );
      }
    }
    return deliveries;
  };
  const withWebhooks = async (shop: string, outcome: MutationOutcome): Promise<MutationResult> => ({
    ...outcome,
    deliveries: await deliverPayloads(shop, outcome.payloads),
  });
  const canonical = (shop: string): string => store.shop(shop)?.domain ?? shop;

  const demo: DemoShop = {
    url,
    shops: shopConfigs.map((s) => ({
      domain: s.domain,
      name: s.name,
      accessToken: s.accessToken,
      origin: `${url}/shops/${s.domain}`,
      graphqlUrl: `${url}/shops/${s.domain}/admin/api/2025-01/graphql.json`,
      timezone: s.timezone,
      currency: s.currency,
      shopId: s.shopId,
      orderCount: s.orderCount,
    })),
    clientId,
    clientSecret,
    apiVersion: '2025-01',
    controls,
    requestLog,
    schemaBuildMs: buildMs,
    startMs: 0,
    data: {
      orders: (shop) => store.orders(canonical(shop)),
      findOrder: (shop, name) => store.findOrderByName(canonical(shop), name),
      shop: (domain) => store.shop(domain),
    },
    clearLog: () => {
      requestLog.length = 0;
    },
    reset: (opts) => {
      controls.reset();
      buckets.reset();
      requestLog.length = 0;
      if (opts?.reseed) {
        store.reseed();
        subscriptions.clear();
      }
    },
    setLimits: (shop, limits) => {
      const cfg = store.shop(shop);
      if (!cfg) throw new Error(`unknown demo shop ${shop}`);
      if (limits.graphql) cfg.graphqlBucket = { ...limits.graphql };
      if (limits.rest) cfg.restBucket = { ...limits.rest };
      buckets.reset();
    },
    drainGraphqlBucket: (shop) => {
      const cfg = store.shop(shop);
      if (!cfg) throw new Error(`unknown demo shop ${shop}`);
      buckets.graphql(cfg.accessToken, cfg.graphqlBucket).drain();
    },
    webhookSubscriptions: (shop, app = DEMO_APP) => subscriptions.list(canonical(shop), app),
    subscribeWebhook: (input) => {
      const outcome = subscriptions.create(canonical(input.shop), input.app ?? DEMO_APP, topicEnum(input.topic), { callbackUrl: input.callbackUrl }, clock());
      if (!outcome.subscription) throw new Error(outcome.userErrors.map((e) => e.message).join('; '));
      return outcome.subscription;
    },
    fulfillOrder: (shop, name, input) => withWebhooks(canonical(shop), fulfillOrder(store, clock(), shop, name, input)),
    addFulfillmentEvent: (shop, name, input) => withWebhooks(canonical(shop), addFulfillmentEvent(store, clock(), shop, name, input)),
    cancelOrder: (shop, name, reason) => withWebhooks(canonical(shop), cancelOrder(store, clock(), shop, name, reason)),
    setShopLocale: async (domain, input) => {
      const config = store.shop(domain);
      if (!config) throw new Error(`demo shop: unknown shop ${domain}`);
      const existing = config.locales.find((l) => l.locale === input.locale);
      if (existing?.primary && (input.remove || input.published === false)) throw new Error('demo shop: the primary locale cannot be unpublished or removed');
      let topic: string;
      if (input.remove) {
        if (!existing) throw new Error(`demo shop: ${input.locale} is not a locale of ${domain}`);
        config.locales = config.locales.filter((l) => l !== existing);
        topic = 'locales/destroy';
      } else if (existing) {
        existing.published = input.published ?? existing.published;
        topic = 'locales/update';
      } else {
        config.locales.push({ locale: input.locale, primary: false, published: input.published ?? false });
        topic = 'locales/create';
      }
      const payload = { locale: input.locale, published: input.remove ? false : (config.locales.find((l) => l.locale === input.locale)?.published ?? false) };
      return { locales: config.locales.map((l) => ({ ...l })), deliveries: await deliverPayloads(config.domain, [[topic, payload]]) };
    },
    sendWebhook: (opts) => deliverWebhook(opts, clientSecret),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  demo.startMs = Math.round(performance.now() - started);
  return demo;
}
