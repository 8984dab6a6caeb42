/** App-proxy signing, exactly as Shopify forwards storefront requests (shopify-api.md §7). */
import { createHmac } from 'node:crypto';

export type ProxyParams = URLSearchParams | Record<string, string | string[]>;

function entries(params: ProxyParams): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (k: string, v: string): void => {
    out.set(k, [...(out.get(k) ?? []), v]);
  };
  if (params instanceof URLSearchParams) params.forEach((v, k) => add(k, v));
  else for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : [v]) add(k, one);
  return out;
}

/**
 * Hex HMAC-SHA256 over `key=value` pairs (values unencoded, repeats joined with `,`), sorted and concatenated
 * with no separator; the `signature` param itself is excluded.
 */
export function signAppProxyQuery(params: ProxyParams, secret: string): string {
  const pairs: string[] = [];
  for (const [k, vs] of entries(params)) if (k !== 'signature') pairs.push(`${k}=${vs.join(',')}`);
  pairs.sort();
  return createHmac('sha256', secret).update(pairs.join('')).digest('hex');
}

export interface AppProxyRequestOptions {
  shop: string;
  pathPrefix: string;
  /** Empty string / undefined for a guest (the param is still present, as Shopify sends it). */
  loggedInCustomerId?: string | number | null;
  timestamp?: number;
  extra?: Record<string, string | string[]>;
}

/** The query string Shopify would append when forwarding a storefront request to the app. */
export function buildAppProxyQuery(options: AppProxyRequestOptions, secret: string): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(options.extra ?? {})) for (const one of Array.isArray(v) ? v : [v]) q.append(k, one);
  q.set('shop', options.shop);
  q.set('logged_in_customer_id', options.loggedInCustomerId == null ? '' : String(options.loggedInCustomerId));
  q.set('path_prefix', options.pathPrefix);
  q.set('timestamp', String(options.timestamp ?? Math.floor(Date.now() / 1000)));
  q.set('signature', signAppProxyQuery(q, secret));
  return q;
}
