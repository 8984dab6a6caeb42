import { createHmac } from 'node:crypto';
import { sameBytes } from '../crypto/same-bytes';
import { isShopDomain } from '../shops/shop-domain';

/**
 * Shopify admin session tokens (App Bridge `id_token` / `shopify.idToken()`): a JWT signed HS256 with the app's
 * client secret, one minute long. Claims (shopify.dev "About session tokens", shopify-api-js JwtPayload):
 * `iss` https://{shop}/admin, `dest` https://{shop}, `aud` the client id, `sub` the staff member's user id,
 * `exp`, `nbf`, `iat`, `jti`, `sid`. Verified here without a JWT library, so every rule is visible and tested.
 */
export type SessionTokenClaims = {
  shop: string;
  /** Shopify's id of the staff member (`sub`). */
  userId: string;
  /** Per user and app session (`sid`), when present. */
  sessionId: string | null;
  /** `exp` in epoch seconds. */
  expiresAt: number;
};

export type SessionTokenFailure =
  'malformed' | 'unsupported_algorithm' | 'bad_signature' | 'expired' | 'not_yet_valid' | 'wrong_audience' | 'wrong_shop' | 'missing_user';

export type SessionTokenResult = { ok: true; claims: SessionTokenClaims } | { ok: false; reason: SessionTokenFailure };

/** Shopify's own libraries allow 10 s of clock difference (shopify-api-js JWT_PERMITTED_CLOCK_TOLERANCE). */
export const SESSION_TOKEN_CLOCK_SKEW_SECONDS = 10;
// A session token is a few hundred bytes; anything far larger is not one and is refused before any work.
const MAX_TOKEN_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export type VerifySessionTokenOptions = {
  /** Our client id (SHOPIFY_API_KEY): the only accepted `aud`. */
  apiKey: string;
  /** Our client secret (SHOPIFY_API_SECRET): the HS256 key. */
  apiSecret: string;
  nowMs: number;
  /** When the request names a shop (`?shop=`), the token must be for that shop. */
  expectedShop?: string;
};

function decodeJson(part: string): Record<string, unknown> | null {
  if (!BASE64URL.test(part)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function hostOf(url: unknown, path: '' | '/admin'): string | null {
  if (typeof url !== 'string') return null;
  const match = /^https:\/\/([^/?#:@]+)(\/admin)?$/.exec(url);
  if (!match || (match[2] ?? '') !== path) return null;
  const host = match[1]!.toLowerCase();
  return isShopDomain(host) ? host : null;
}

function signHs256(signingInput: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(signingInput, 'utf8').digest();
}

/** Encodes and signs a token the way Shopify admin does (tests and fixtures; the demo shop has its own copy). */
export function signSessionToken(payload: Record<string, unknown>, secret: string, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const input = `${encode(header)}.${encode(payload)}`;
  return `${input}.${signHs256(input, secret).toString('base64url')}`;
}

/**
 * Verifies a session token. Guarantees on `ok`: the header says HS256 (nothing else is ever tried), the
 * signature matches our secret (constant time), `aud` is our client id, `iss` and `dest` name the same
 * myshopify.com shop (and `expectedShop` when given), `sub` is present, and now is within [nbf, exp] give or
 * take SESSION_TOKEN_CLOCK_SKEW_SECONDS. The signature is checked before any claim is trusted.
 */
export function verifySessionToken(token: string, options: VerifySessionTokenOptions): SessionTokenResult {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  if (!header) return { ok: false, reason: 'malformed' };
  // `alg: none`, RS256 with our secret as a "public key" and friends: only the one algorithm Shopify uses.
  if (header.alg !== 'HS256') return { ok: false, reason: 'unsupported_algorithm' };
  if (!signaturePart || !BASE64URL.test(signaturePart)) return { ok: false, reason: 'bad_signature' };
  // Compared as the canonical base64url text, so a second spelling of the same bytes is not accepted either.
  const expected = Buffer.from(signHs256(`${headerPart}.${payloadPart}`, options.apiSecret).toString('base64url'), 'utf8');
  if (!sameBytes(Buffer.from(signaturePart, 'utf8'), expected)) return { ok: false, reason: 'bad_signature' };

  const claims = decodeJson(payloadPart);
  if (!claims) return { ok: false, reason: 'malformed' };
  const now = Math.floor(options.nowMs / 1000);
  const { exp, nbf } = claims;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return { ok: false, reason: 'malformed' };
  if (now > exp + SESSION_TOKEN_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'expired' };
  if (nbf !== undefined && (typeof nbf !== 'number' || !Number.isFinite(nbf))) return { ok: false, reason: 'malformed' };
  if (typeof nbf === 'number' && now < nbf - SESSION_TOKEN_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'not_yet_valid' };

  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (audiences.length !== 1 || audiences[0] !== options.apiKey) return { ok: false, reason: 'wrong_audience' };

  const dest = hostOf(claims.dest, '');
  const issuer = hostOf(claims.iss, '/admin');
  if (!dest || issuer !== dest) return { ok: false, reason: 'wrong_shop' };
  if (options.expectedShop !== undefined && options.expectedShop.toLowerCase() !== dest) return { ok: false, reason: 'wrong_shop' };

  const sub = claims.sub;
  const raw = typeof sub === 'string' ? sub : typeof sub === 'number' ? String(sub) : '';
  // Admin sends the numeric user id; a `gid://shopify/User/{id}` spelling is read as the same id.
  const userId = /^gid:\/\/shopify\/User\/(\d{1,20})$/.exec(raw)?.[1] ?? raw;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(userId)) return { ok: false, reason: 'missing_user' };
  const sid = typeof claims.sid === 'string' && claims.sid.length <= 128 ? claims.sid : null;
  return { ok: true, claims: { shop: dest, userId, sessionId: sid, expiresAt: exp } };
}
