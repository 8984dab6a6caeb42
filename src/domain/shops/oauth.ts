import { connectShop, type ConnectShopDeps } from './connect-shop';
import { createOAuthState, OAUTH_STATE_TTL_SECONDS, readOAuthState, stateMatches } from './oauth-state';
import { isFreshTimestamp, verifyQueryHmac } from './query-hmac';
import { defaultAdminOrigin, isShopDomain, normalizeShopDomain } from './shop-domain';
import type { Shop } from './shop';

export type OAuthAppConfig = {
  apiKey: string;
  apiSecret: string;
  scopes: string;
  appUrl: string;
  stateKey: Buffer;
  adminOriginTemplate?: string | undefined;
  /** Epoch milliseconds. */
  now: () => number;
  /** Cryptographically strong random bytes (node:crypto randomBytes in production): the state nonce. */
  randomBytes: (size: number) => Buffer;
};

export type InstallFailure = 'invalid_domain' | 'bad_hmac' | 'stale_request' | 'bad_state' | 'missing_code' | 'exchange_failed' | 'not_connected';
export type InstallRefusal = { ok: false; reason: InstallFailure; status: 400 | 401; message: string };

export type BeginInstallResult = { ok: true; shop: string; redirectUrl: string; cookie: { value: string; maxAgeSeconds: number } } | InstallRefusal;

/** Where Shopify sends the merchant back after approving the install. */
export function oauthCallbackUrl(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, '')}/api/shopify/callback`;
}

/**
 * Starts an install: validates the shop (and Shopify's hmac when the link came from the Shopify admin),
 * then returns the authorize URL and a signed, shop-bound state cookie. Builds URLs only from a validated domain.
 */
export function beginInstall(config: OAuthAppConfig, query: URLSearchParams): BeginInstallResult {
  const now = config.now();
  if (query.has('hmac')) {
    if (!verifyQueryHmac(query, config.apiSecret)) return refuse('bad_hmac', 401, 'The install link signature is invalid.');
    if (!isFreshTimestamp(query.get('timestamp'), now)) return refuse('stale_request', 401, 'The install link has expired.');
  }
  const shop = normalizeShopDomain(query.get('shop') ?? '');
  if (!shop) return refuse('invalid_domain', 400, 'The shop must be a your-shop.myshopify.com domain.');

  const { nonce, cookieValue } = createOAuthState(shop, config.stateKey, now, config.randomBytes);
  const params = new URLSearchParams({
    client_id: config.apiKey,
    scope: config.scopes,
    redirect_uri: oauthCallbackUrl(config.appUrl),
    state: nonce,
  });
  const redirectUrl = `${defaultAdminOrigin(shop, config.adminOriginTemplate)}/admin/oauth/authorize?${params}`;
  return { ok: true, shop, redirectUrl, cookie: { value: cookieValue, maxAgeSeconds: OAUTH_STATE_TTL_SECONDS } };
}

export type CompleteInstallDeps = ConnectShopDeps & {
  /** POST {adminOrigin}/admin/oauth/access_token; throws when Shopify refuses the code. */
  exchangeCode: (request: { adminOrigin: string; clientId: string; clientSecret: string; code: string }) => Promise<{ accessToken: string; scope: string }>;
};

export type CompleteInstallResult = { ok: true; shop: Shop } | InstallRefusal;

/**
 * Finishes an install from Shopify's callback. Stores the shop only when the hmac is valid, the request is
 * fresh, `state` equals this browser's signed cookie for the same shop, the shop domain is a myshopify.com
 * domain, the code exchange succeeds and the new token passes one Admin API call.
 */
export async function completeInstall(
  config: OAuthAppConfig,
  deps: CompleteInstallDeps,
  request: { query: URLSearchParams; stateCookie: string | undefined },
): Promise<CompleteInstallResult> {
  const { query } = request;
  const now = config.now();
  if (!verifyQueryHmac(query, config.apiSecret)) return refuse('bad_hmac', 401, 'The request signature is invalid.');
  if (!isFreshTimestamp(query.get('timestamp'), now)) return refuse('stale_request', 401, 'The request has expired; start the install again.');
  // A signed query never repeats a key; a repeated one could make `get` and the signature disagree.
  const keys = [...query.keys()];
  if (new Set(keys).size !== keys.length) return refuse('bad_hmac', 400, 'Repeated query parameters.');

  const state = readOAuthState(request.stateCookie, config.stateKey, now);
  if (!state || !stateMatches(query.get('state'), state)) {
    return refuse('bad_state', 401, 'The install session is missing or expired; start the install again.');
  }
  const shop = query.get('shop') ?? '';
  if (!isShopDomain(shop)) return refuse('invalid_domain', 400, 'The shop is not a myshopify.com domain.');
  if (shop !== state.shop) return refuse('bad_state', 401, 'The install was started for another shop.');
  const code = query.get('code') ?? '';
  if (!/^[A-Za-z0-9_-]{1,256}$/.test(code)) return refuse('missing_code', 400, 'The authorization code is missing.');

  const adminOrigin = defaultAdminOrigin(shop, config.adminOriginTemplate);
  let granted: { accessToken: string; scope: string };
  try {
    granted = await deps.exchangeCode({ adminOrigin, clientId: config.apiKey, clientSecret: config.apiSecret, code });
  } catch {
    return refuse('exchange_failed', 400, 'Shopify did not accept the authorization code.');
  }
  const connected = await connectShop(deps, { domain: shop, token: granted.accessToken, apiOrigin: adminOrigin, scopes: granted.scope });
  if (!connected.ok) return refuse('not_connected', 400, `The shop could not be connected (${connected.reason}).`);
  return { ok: true, shop: connected.shop };
}

function refuse(reason: InstallFailure, status: 400 | 401, message: string): InstallRefusal {
  return { ok: false, reason, status, message };
}
