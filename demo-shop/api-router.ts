/**
 * Routes `/shops/{domain}/admin/...` and token-resolved `/admin/...` requests: auth, versions, faults,
 * rate limits, then GraphQL / REST / OAuth handlers. Every API request lands in the request log.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorPage, type FaultControls } from './faults';
import { handleGraphql } from './graphql-handler';
import { readBody, send, sleep, stringifyShopifyJson, type LoggedRequest } from './http-util';
import type { OAuthServer } from './oauth';
import { handleRest } from './rest-handler';
import type { BucketRegistry } from './throttle';
import type { DemoStore } from './store';
import { DEMO_APP, type WebhookSubscriptionRegistry } from './webhook-subscriptions';

export interface ApiRuntime {
  store: DemoStore;
  subscriptions: WebhookSubscriptionRegistry;
  oauth: OAuthServer;
  buckets: BucketRegistry;
  controls: FaultControls;
  clock: () => number;
  baseUrl: () => string;
  record: (entry: LoggedRequest) => void;
}

const VERSION = /^(\d{4}-(01|04|07|10)|unstable)$/;
const UNAUTHORIZED = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };

export async function handleApi(rt: ApiRuntime, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const started = Date.now();
  const requestId = randomUUID();
  const method = req.method ?? 'GET';
  const entry: LoggedRequest = {
    at: new Date(rt.clock()).toISOString(),
    shop: null,
    method,
    path: url.pathname,
    kind: 'other',
    status: 0,
    throttled: false,
    durationMs: 0,
    requestId,
  };
  const finish = (status: number, body: string, headers: Record<string, string>): void => {
    entry.status = status;
    entry.durationMs = Date.now() - started;
    rt.record(entry);
    send(res, status, body, { 'X-Request-Id': requestId, ...headers });
  };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}): void =>
    finish(status, stringifyShopifyJson(body), { 'Content-Type': 'application/json; charset=utf-8', ...headers });

  const m = /^(?:\/shops\/([^/]+))?\/admin\/(.*)$/.exec(url.pathname);
  if (!m) return json(404, { errors: 'Not Found' });
  const prefixShop = m[1] ? decodeURIComponent(m[1]).toLowerCase() : null;
  const rest = m[2] ?? '';
  if (prefixShop && !rt.store.shop(prefixShop)) return json(404, { errors: 'Not Found' });
  entry.shop = prefixShop;

  if (rest.startsWith('oauth/')) {
    entry.kind = 'oauth';
    if (!prefixShop) return json(400, { error: 'invalid_request', error_description: 'Use /shops/{shop}/admin/oauth/...' });
    const body = await readBody(req);
    const out =
      rest === 'oauth/authorize' && method === 'GET'
        ? rt.oauth.authorize(prefixShop, url.searchParams)
        : rest === 'oauth/access_token' && method === 'POST'
          ? rt.oauth.accessToken(prefixShop, body, String(req.headers['content-type'] ?? ''))
          : { status: 404, body: { errors: 'Not Found' } };
    return out.body === undefined ? finish(out.status, '', out.headers ?? {}) : json(out.status, out.body, out.headers ?? {});
  }

  const api = /^api\/([^/]+)\/(.+)$/.exec(rest);
  if (!api) return json(404, { errors: 'Not Found' });
  const version = api[1] ?? '';
  const resource = api[2] ?? '';
  if (!VERSION.test(version)) return json(404, { errors: 'Not Found' });
  entry.kind = resource === 'graphql.json' ? 'graphql' : 'rest';
  const versionHeader = { 'X-Shopify-API-Version': version };

  const token = String(req.headers['x-shopify-access-token'] ?? '');
  const grant = token ? rt.store.grantFor(token) : undefined;
  if (!grant || (prefixShop && grant.shop !== prefixShop)) return json(401, UNAUTHORIZED, versionHeader);
  const shop = rt.store.shop(grant.shop);
  if (!shop) return json(401, UNAUTHORIZED, versionHeader);
  entry.shop = shop.domain;
  const body = await readBody(req);

  const fault = rt.controls.decide(shop.domain);
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  if (fault.action === 'timeout') {
    // Hang: never answer. The client gives up; close() destroys the socket.
    entry.fault = 'timeout';
    entry.durationMs = Date.now() - started;
    rt.record(entry);
    return;
  }
  if (fault.action === 'error') {
    entry.fault = 'error';
    return finish(fault.errorStatus, errorPage(fault.errorStatus), { 'Content-Type': 'text/html; charset=utf-8' });
  }
  const malformed = fault.action === 'malformed';
  if (malformed) entry.fault = 'malformed';
  const forceThrottle = fault.action === 'throttle';
  if (forceThrottle) entry.fault = 'throttle';
  const apiBase = `${rt.baseUrl()}/shops/${shop.domain}/admin/api/${version}`;
  const output = (status: number, payload: unknown, headers: Record<string, string>): void => {
    if (!malformed) return json(status, payload, headers);
    const full = stringifyShopifyJson(payload);
    finish(status, full.slice(0, Math.max(1, Math.floor(full.length / 2))), { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  };

  if (entry.kind === 'graphql') {
    const bucket = rt.buckets.graphql(token, shop.graphqlBucket);
    if (method !== 'POST') return json(404, { errors: 'Not Found' }, versionHeader);
    const result = await handleGraphql({
      rawBody: body,
      bucket,
      forceThrottle,
      context: { shop, store: rt.store, scopes: grant.scopes, nowMs: rt.clock(), subscriptions: rt.subscriptions, app: DEMO_APP },
    });
    entry.throttled = result.throttled;
    if (result.cost !== undefined) entry.cost = result.cost;
    if (result.operationName) entry.operationName = result.operationName;
    if (result.query) entry.query = result.query;
    return output(result.status, result.body, versionHeader);
  }

  const bucket = rt.buckets.rest(token, shop.restBucket);
  if (forceThrottle || !bucket.tryAdd()) {
    entry.throttled = true;
    if (forceThrottle) bucket.fill();
    return json(
      429,
      { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' },
      {
        ...versionHeader,
        'Retry-After': '2.0',
        'X-Shopify-Shop-Api-Call-Limit': bucket.header(),
      },
    );
  }
  const callLimit = bucket.header();
  if (!grant.scopes.includes('read_orders') && !grant.scopes.includes('write_orders')) {
    return json(
      403,
      { errors: '[API] This action requires merchant approval for read_orders scope.' },
      { ...versionHeader, 'X-Shopify-Shop-Api-Call-Limit': callLimit },
    );
  }
  const out = handleRest({ method, path: resource, params: url.searchParams, shop, store: rt.store, apiBase });
  return output(out.status, out.body, { ...versionHeader, 'X-Shopify-Shop-Api-Call-Limit': callLimit, ...(out.headers ?? {}) });
}
