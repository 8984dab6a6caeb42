import { createHmac } from 'node:crypto';
import { sameBytes } from '../crypto/same-bytes';
import { z } from 'zod';

export const OAUTH_STATE_COOKIE = 'osa_oauth_state';
export const OAUTH_STATE_TTL_SECONDS = 600;

const payloadSchema = z.object({ nonce: z.string().min(16), shop: z.string(), exp: z.number().int() });
export type OAuthState = { nonce: string; shop: string };

function sign(payload: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(`oauth-state.${payload}`, 'utf8').digest();
}

/**
 * A fresh random nonce and the signed cookie value that remembers it, bound to the shop being installed
 * and expiring after 10 minutes. The nonce travels as `state`; the cookie proves this browser started it.
 */
export function createOAuthState(shop: string, key: Buffer, nowMs: number, randomBytes: (size: number) => Buffer): { nonce: string; cookieValue: string } {
  const nonce = randomBytes(24).toString('base64url');
  const exp = Math.floor(nowMs / 1000) + OAUTH_STATE_TTL_SECONDS;
  const payload = Buffer.from(JSON.stringify({ nonce, shop, exp }), 'utf8').toString('base64url');
  return { nonce, cookieValue: `${payload}.${sign(payload, key).toString('base64url')}` };
}

/** The state a cookie carries, or null when it is missing, forged, malformed or expired. */
export function readOAuthState(cookieValue: string | undefined, key: Buffer, nowMs: number): OAuthState | null {
  if (!cookieValue) return null;
  const [payload, signature, extra] = cookieValue.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = sign(payload, key);
  const actual = Buffer.from(signature, 'base64url');
  if (!sameBytes(actual, expected)) return null;
  let parsed: z.infer<typeof payloadSchema>;
  try {
    parsed = payloadSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return null;
  }
  if (parsed.exp * 1000 <= nowMs) return null;
  return { nonce: parsed.nonce, shop: parsed.shop };
}

/** Constant-time comparison of the `state` query parameter with the cookie's nonce. */
export function stateMatches(state: string | null, expected: OAuthState): boolean {
  if (!state) return false;
  return sameBytes(Buffer.from(state, 'utf8'), Buffer.from(expected.nonce, 'utf8'));
}
