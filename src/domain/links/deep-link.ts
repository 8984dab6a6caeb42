import { createHmac } from 'node:crypto';
import { sameBytes } from '../crypto/same-bytes';

/**
 * Signed links to one order, for Shopify's order and shipping emails: `/t/{shop}/o/{orderId}.{expires}.{sig}`
 * where `sig = hex(HMAC-SHA256(shopSecret, "{orderId}.{expires}"))` and `expires` is a Unix time in seconds.
 * That is exactly what Liquid's `hmac_sha256` filter computes (lowercase hex, the secret string's bytes as the
 * key), so a notification template can mint links without calling us. The shop is bound by its own secret.
 */
export type DeepLinkFailure = 'malformed' | 'bad_signature' | 'expired' | 'too_far_ahead';
export type DeepLinkCheck = { ok: true; orderId: string; expiresAt: Date } | { ok: false; reason: DeepLinkFailure };

/** Links may not claim to live longer than this (a typo'd template must not mint eternal links). */
export const MAX_DEEP_LINK_LIFETIME_SECONDS = 400 * 24 * 60 * 60;
/** What the Liquid snippet uses: 90 days covers delivery, returns and "where was that parcel again". */
export const DEFAULT_DEEP_LINK_LIFETIME_SECONDS = 90 * 24 * 60 * 60;

const TOKEN_SHAPE = /^(\d{1,20})\.(\d{1,12})\.([0-9a-fA-F]{64})$/;

function signature(secret: string, orderId: string, expires: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${orderId}.${expires}`, 'utf8').digest('hex');
}

/** Builds the path token for one order; `expiresAt` is rounded down to whole seconds like Liquid's `date: '%s'`. */
export function signDeepLink(secret: string, input: { orderId: string; expiresAt: Date }): string {
  if (!/^\d{1,20}$/.test(input.orderId)) throw new Error('deep links carry a numeric Shopify order id');
  const expires = String(Math.floor(input.expiresAt.getTime() / 1000));
  return `${input.orderId}.${expires}.${signature(secret, input.orderId, expires)}`;
}

/**
 * Checks a path token against the shop's secret in constant time, then its expiry. Never throws; any
 * malformed input is 'malformed'. A valid signature from another shop's secret is 'bad_signature'.
 */
export function verifyDeepLink(secret: string, token: string, now: Date): DeepLinkCheck {
  const match = TOKEN_SHAPE.exec(token);
  if (!match || secret.length === 0) return { ok: false, reason: 'malformed' };
  const [, orderId, expires, given] = match as unknown as [string, string, string, string];
  const expected = Buffer.from(signature(secret, orderId, expires), 'hex');
  const actual = Buffer.from(given.toLowerCase(), 'hex');
  if (!sameBytes(actual, expected)) return { ok: false, reason: 'bad_signature' };
  const expiresSeconds = Number(expires);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (expiresSeconds <= nowSeconds) return { ok: false, reason: 'expired' };
  if (expiresSeconds - nowSeconds > MAX_DEEP_LINK_LIFETIME_SECONDS) return { ok: false, reason: 'too_far_ahead' };
  return { ok: true, orderId, expiresAt: new Date(expiresSeconds * 1000) };
}

/**
 * The shop's deep-link secret: HMAC(key('deep-link'), "{domain}:v{version}") as hex. Derived, not stored, so
 * there is nothing to leak from the database; bumping `settings.deepLinkSecretVersion` rotates it. Bound to the
 * domain (not the row id) so a reinstall keeps the links already sitting in customers' inboxes working.
 */
export function deepLinkSecretFor(deepLinkKey: Buffer, shop: { domain: string; version?: number | undefined }): string {
  return createHmac('sha256', deepLinkKey)
    .update(`${shop.domain.toLowerCase()}:v${shop.version ?? 1}`, 'utf8')
    .digest('hex');
}
