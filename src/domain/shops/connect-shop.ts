import { learnOrderNameFormat } from '../orders/order-name-format';
import { defaultAdminOrigin, normalizeApiOrigin, normalizeShopDomain } from './shop-domain';
import { shopifyErrorKind, type FetchShopInfo, type SaveShopInput, type Shop } from './shop';

export type ConnectShopDeps = {
  fetchShopInfo: FetchShopInfo;
  findShopByDomain: (domain: string) => Promise<Shop | null>;
  saveShop: (input: SaveShopInput) => Promise<Shop>;
  /** SHOPIFY_ADMIN_ORIGIN: used when the input names no origin. */
  adminOriginTemplate?: string | undefined;
  /** A fresh UUID (crypto.randomUUID in production): the id of a shop connected for the first time. */
  randomId: () => string;
  /**
   * Reads and stores the shop's storefront languages after it is saved. Never fails the connect: a token
   * without `read_locales` still connects, and shoppers are then offered every language we speak.
   */
  refreshShopLocales?: (shop: Shop) => Promise<void>;
};

export type ConnectShopInput = {
  domain: string;
  token: string;
  apiOrigin?: string | undefined;
  webhookSecret?: string | undefined;
  scopes?: string | undefined;
  /** Accepted for the CLI's sake; merchant accounts come later, so nothing is stored yet. */
  ownerEmail?: string | undefined;
};

export type ConnectShopFailure = 'invalid_domain' | 'invalid_origin' | 'invalid_token' | 'token_rejected' | 'unreachable';

export type ConnectShopResult = { ok: true; shop: Shop; created: boolean } | { ok: false; reason: ConnectShopFailure; message: string };

// Admin API tokens (shpat_/shpca_/shpua_…) are URL-safe ASCII; refusing anything else also keeps
// CR/LF and spaces out of the X-Shopify-Access-Token header.
const TOKEN = /^[A-Za-z0-9_.-]{8,512}$/;
const SECRET = /^[\x21-\x7e]{8,512}$/;

/**
 * Connects (or reconnects) a shop: validates the input, proves the token with exactly one Admin API call,
 * then stores the shop with name, time zone and currency from Shopify. Writes nothing unless every step passed.
 */
export async function connectShop(deps: ConnectShopDeps, input: ConnectShopInput): Promise<ConnectShopResult> {
  const domain = normalizeShopDomain(input.domain);
  if (!domain) return fail('invalid_domain', 'The shop domain must look like your-shop.myshopify.com.');

  let apiOrigin: string | null;
  try {
    apiOrigin = input.apiOrigin === undefined ? defaultAdminOrigin(domain, deps.adminOriginTemplate) : normalizeApiOrigin(input.apiOrigin);
  } catch {
    apiOrigin = null;
  }
  if (!apiOrigin) return fail('invalid_origin', 'The API origin must be an http(s) URL without query or fragment.');

  const token = input.token.trim();
  if (!TOKEN.test(token)) return fail('invalid_token', 'The access token is not a Shopify Admin API token.');
  if (input.webhookSecret !== undefined && !SECRET.test(input.webhookSecret)) {
    return fail('invalid_token', 'The webhook secret must be 8-512 printable characters without spaces.');
  }

  const existing = await deps.findShopByDomain(domain);
  const shopId = existing?.id ?? deps.randomId();
  let info: Awaited<ReturnType<FetchShopInfo>>;
  try {
    info = await deps.fetchShopInfo({ shopId, domain, apiOrigin, accessToken: token });
  } catch (error) {
    const kind = shopifyErrorKind(error);
    if (kind === 'unauthorized' || kind === 'forbidden') {
      return fail('token_rejected', `Shopify rejected the access token for ${domain} (${kind}).`);
    }
    return fail('unreachable', `The Admin API at ${apiOrigin} did not answer usably (${kind ?? 'network error'}).`);
  }
  // A token for another shop would otherwise be filed under this domain and serve its orders.
  const reported = info.domain.trim().toLowerCase();
  if (reported.endsWith('.myshopify.com') && reported !== domain) {
    return fail('token_rejected', `The access token belongs to ${reported}, not ${domain}.`);
  }

  const shop = await deps.saveShop({
    id: shopId,
    domain,
    name: info.name,
    apiOrigin,
    accessToken: token,
    ...(input.webhookSecret !== undefined ? { webhookSecret: input.webhookSecret } : {}),
    ...(input.scopes !== undefined ? { scopes: input.scopes } : {}),
    timezone: info.ianaTimezone || 'UTC',
    currency: info.currencyCode || null,
    ...(info.sampleOrderName ? { orderNameFormat: learnOrderNameFormat(info.sampleOrderName) } : {}),
  });
  await deps.refreshShopLocales?.(shop);
  return { ok: true, shop, created: !existing };
}

function fail(reason: ConnectShopFailure, message: string): ConnectShopResult {
  return { ok: false, reason, message };
}
