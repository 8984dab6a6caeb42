import { createHmac } from 'node:crypto';
import { sameBytes } from '../crypto/same-bytes';

/**
 * The message Shopify signs on admin requests (install link, OAuth callback): every parameter except
 * `hmac` and `signature`, sorted by key, `key=value` URL-encoded with spaces as %20, joined by `&`.
 */
export function queryHmacMessage(query: URLSearchParams): string {
  const pairs = [...query.entries()].filter(([key]) => key !== 'hmac' && key !== 'signature');
  // Stable sort by key (code-unit order; Shopify's keys are ASCII) keeps repeated keys in request order.
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(pairs).toString().replace(/\+/g, '%20');
}

/** Lowercase hex HMAC-SHA256 of the query's signing message with the app's client secret. */
export function signQuery(query: URLSearchParams, secret: string): string {
  return createHmac('sha256', secret).update(queryHmacMessage(query), 'utf8').digest('hex');
}

/** True only when the query carries exactly one `hmac` and it matches; compared in constant time. */
export function verifyQueryHmac(query: URLSearchParams, secret: string): boolean {
  const given = query.getAll('hmac');
  if (given.length !== 1 || !given[0]) return false;
  const expected = Buffer.from(signQuery(query, secret), 'utf8');
  const actual = Buffer.from(given[0].toLowerCase(), 'utf8');
  return sameBytes(actual, expected);
}

/** Shopify's libraries refuse signed requests whose `timestamp` (seconds) is more than 90 s from now. */
export function isFreshTimestamp(timestamp: string | null, nowMs: number, toleranceSeconds = 90): boolean {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= toleranceSeconds;
}
