/**
 * Session tokens as Shopify admin mints them for an embedded app (shopify.dev "About session tokens"): HS256
 * with the app's client secret, one minute, `iss` https://{shop}/admin, `dest` https://{shop}, `aud` the
 * client id, `sub` the staff member. Plus the token-exchange grant that turns one into an online access token.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { StaffAccount } from './staff';
import { findStaff } from './staff';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (input: string, secret: string): string => createHmac('sha256', secret).update(input).digest('base64url');

export function mintSessionToken(opts: {
  shop: string;
  staff: StaffAccount;
  clientId: string;
  clientSecret: string;
  nowMs?: number;
  lifetimeSeconds?: number;
}): string {
  const now = Math.floor((opts.nowMs ?? Date.now()) / 1000);
  const payload = {
    iss: `https://${opts.shop}/admin`,
    dest: `https://${opts.shop}`,
    aud: opts.clientId,
    sub: String(opts.staff.id),
    exp: now + (opts.lifetimeSeconds ?? 60),
    nbf: now,
    iat: now,
    jti: randomUUID(),
    sid: createHmac('sha256', 'demo-sid').update(`${opts.shop}:${opts.staff.id}`).digest('hex').slice(0, 32),
  };
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${input}.${sign(input, opts.clientSecret)}`;
}

/** What the exchange checks, like Shopify: signature, audience, shop, lifetime (10 s tolerance). */
export function readSessionToken(token: string, shop: string, clientId: string, clientSecret: string): { sub: string } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [h, p, s] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${h}.${p}`, clientSecret));
  const given = Buffer.from(s);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string };
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const now = Date.now() / 1000;
    if (header.alg !== 'HS256' || claims.aud !== clientId || claims.dest !== `https://${shop}` || claims.iss !== `https://${shop}/admin`) return null;
    if (typeof claims.exp !== 'number' || now > claims.exp + 10 || (typeof claims.nbf === 'number' && now < claims.nbf - 10)) return null;
    return typeof claims.sub === 'string' ? { sub: claims.sub } : null;
  } catch {
    return null;
  }
}

/**
 * `grant_type=urn:ietf:params:oauth:grant-type:token-exchange` (the caller has checked client id and secret): 400
 * `invalid_subject_token` for a session token that is not this app's, this shop's, or current, like Shopify.
 * Offline: `{ access_token, scope }` (the shop's token; what a Shopify-managed install stores). Online: the same
 * plus `expires_in`, `associated_user_scope` and `associated_user` (the staff member).
 */
export function exchangeSessionToken(
  shop: string,
  body: Record<string, string>,
  app: { clientId: string; clientSecret: string; issueToken: (shop: string, scopes: string[]) => string; scopes: string[] },
): { status: number; body: unknown } {
  const invalid = (description: string) => ({ status: 400, body: { error: 'invalid_subject_token', error_description: description } });
  if (body.subject_token_type !== 'urn:ietf:params:oauth:token-type:id_token') return invalid('subject_token_type must be an id_token');
  const claims = readSessionToken(body.subject_token ?? '', shop, app.clientId, app.clientSecret);
  const staff = claims ? findStaff(claims.sub) : undefined;
  if (!staff) return invalid('Session token is invalid or expired');
  const scope = app.scopes.join(',');
  if (body.requested_token_type === 'urn:shopify:params:oauth:token-type:offline-access-token') {
    return { status: 200, body: { access_token: app.issueToken(shop, app.scopes), scope } };
  }
  if (body.requested_token_type !== 'urn:shopify:params:oauth:token-type:online-access-token') {
    return { status: 400, body: { error: 'invalid_request', error_description: 'Unsupported requested_token_type' } };
  }
  return {
    status: 200,
    body: {
      access_token: app.issueToken(shop, app.scopes),
      scope,
      expires_in: 86399,
      associated_user_scope: scope,
      session: randomBytes(16).toString('hex'),
      associated_user: { ...staff },
    },
  };
}
