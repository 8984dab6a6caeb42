import { createHmac } from 'node:crypto';
import { sameBytes } from '../crypto/same-bytes';

/**
 * Shopify App Proxy signatures (shopify-api.md §7): Shopify forwards storefront requests with `shop`,
 * `logged_in_customer_id`, `path_prefix`, `timestamp` and `signature`, a hex HMAC-SHA256 of the other
 * parameters as unencoded `key=value` (repeats joined with `,`), sorted, concatenated with no separator.
 */
export type ProxyQuery = URLSearchParams | Record<string, string | string[]>;

export type AppProxyResult =
  | { ok: true; shop: string; loggedInCustomerId: string | null; pathPrefix: string | null }
  | { ok: false; reason: 'missing_signature' | 'bad_signature' | 'stale_timestamp' | 'duplicate_param' | 'missing_shop' };

export const APP_PROXY_TOLERANCE_SECONDS = 90;
const SINGLE_PARAMS = ['shop', 'signature', 'timestamp', 'logged_in_customer_id', 'path_prefix'];

function collect(query: ProxyQuery): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (key: string, value: string) => out.set(key, [...(out.get(key) ?? []), value]);
  if (query instanceof URLSearchParams) query.forEach((value, key) => add(key, value));
  else for (const [key, value] of Object.entries(query)) for (const one of Array.isArray(value) ? value : [value]) add(key, one);
  return out;
}

/** The exact string Shopify signs for this query. */
export function appProxySigningMessage(query: ProxyQuery): string {
  const pairs: string[] = [];
  for (const [key, values] of collect(query)) if (key !== 'signature') pairs.push(`${key}=${values.join(',')}`);
  // Shopify's reference implementation sorts the `key=value` strings by code unit.
  pairs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return pairs.join('');
}

export function signAppProxyMessage(message: string, secret: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('hex');
}

/**
 * Verifies an app-proxy query: exactly one of each Shopify parameter, a signature that matches (constant
 * time), and a timestamp within ±90 s of now. Only then is `logged_in_customer_id` trustworthy.
 */
export function verifyAppProxyQuery(query: ProxyQuery, secret: string, nowMs: number): AppProxyResult {
  const params = collect(query);
  for (const key of SINGLE_PARAMS) if ((params.get(key)?.length ?? 0) > 1) return { ok: false, reason: 'duplicate_param' };
  const signature = params.get('signature')?.[0];
  if (!signature) return { ok: false, reason: 'missing_signature' };
  const expected = Buffer.from(signAppProxyMessage(appProxySigningMessage(query), secret), 'utf8');
  const actual = Buffer.from(signature.toLowerCase(), 'utf8');
  if (!sameBytes(actual, expected)) return { ok: false, reason: 'bad_signature' };
  const timestamp = params.get('timestamp')?.[0] ?? '';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > APP_PROXY_TOLERANCE_SECONDS) {
    return { ok: false, reason: 'stale_timestamp' };
  }
  const shop = params.get('shop')?.[0];
  if (!shop) return { ok: false, reason: 'missing_shop' };
  const customer = params.get('logged_in_customer_id')?.[0] ?? '';
  return {
    ok: true,
    shop: shop.toLowerCase(),
    loggedInCustomerId: /^\d{1,20}$/.test(customer) ? customer : null,
    pathPrefix: params.get('path_prefix')?.[0] ?? null,
  };
}
