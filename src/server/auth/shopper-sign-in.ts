import { createHmac } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { readCookie } from '../http/shopper-session';
import { safeEqual } from '../crypto/secrets';
import { grants, sessions, users } from '../db/schema';
import { hashEmailFor } from '../wiring/order-deps';
import type { Services } from '../services';
import { AUTH_SESSION_COOKIES } from './auth-config';

export type SignedInShopper = { email: string; emailHash: string; expires: Date; sessionToken: string };

/** The Auth.js session of this browser (database strategy), or null when absent or expired. */
export async function readSignedInShopper(services: Services, headers: Headers, now = new Date()): Promise<SignedInShopper | null> {
  const sessionToken = AUTH_SESSION_COOKIES.map((name) => readCookie(headers, name)).find((value) => value);
  if (!sessionToken) return null;
  const [row] = await services.db
    .select({ email: users.email, expires: sessions.expires })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, sessionToken), gt(sessions.expires, now)));
  const emailHash = row?.email ? hashEmailFor(services)(row.email) : null;
  if (!row?.email || !emailHash) return null;
  return { email: row.email, emailHash, expires: row.expires, sessionToken };
}

/**
 * A request's magic-link sign-in as a function: read on the first call only (it costs a query), then the same
 * answer for the rest of the request, however many order reads ask for it.
 */
export function signInReader(services: Services, headers: Headers): () => Promise<SignedInShopper | null> {
  let reading: Promise<SignedInShopper | null> | undefined;
  return () => (reading ??= readSignedInShopper(services, headers));
}

function claimSignature(services: Pick<Services, 'key'>, shopId: string, emailHash: string, expires: string): string {
  return createHmac('sha256', services.key('auth')).update(`shop-claim:${shopId}:${emailHash}:${expires}`).digest('base64url');
}

/**
 * The callback of a magic link carries a claim for the shop it was requested in: `{expires}.{sig}` over shop id,
 * email hash and expiry. Only a browser signed in as that email can redeem it, and only in that shop, so a
 * session started from shop A's link never opens shop B's history.
 */
export function signShopClaim(services: Pick<Services, 'key'>, input: { shopId: string; emailHash: string; expiresAt: Date }): string {
  const expires = String(Math.floor(input.expiresAt.getTime() / 1000));
  return `${expires}.${claimSignature(services, input.shopId, input.emailHash, expires)}`;
}

export function verifyShopClaim(services: Pick<Services, 'key'>, claim: string, input: { shopId: string; emailHash: string; now: Date }): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(claim);
  if (!match) return false;
  const [, expires, signature] = match as unknown as [string, string, string];
  if (Number(expires) * 1000 <= input.now.getTime()) return false;
  return safeEqual(signature, claimSignature(services, input.shopId, input.emailHash, expires));
}

/** Redeems a verified claim: an email grant for this browser session in this shop, ending with the sign-in session. */
export async function grantEmailAccess(services: Services, input: { holderHash: string; shopId: string; shopper: SignedInShopper; now: Date }) {
  const grantEnd = new Date(input.now.getTime() + services.env.GRANT_TTL_HOURS * 60 * 60 * 1000);
  const expiresAt = input.shopper.expires < grantEnd ? input.shopper.expires : grantEnd;
  return services.grants.createGrant({
    holderHash: input.holderHash,
    shopId: input.shopId,
    kind: 'email',
    subject: input.shopper.emailHash,
    door: 'email_link',
    expiresAt,
  });
}

/** Signs this browser out of a shop: its Auth.js session ends and every grant it held in the shop is dropped. */
export async function signOutShopper(services: Services, input: { sessionToken: string | null; holderHash: string | null; shopId: string }): Promise<void> {
  if (input.sessionToken) await services.db.delete(sessions).where(eq(sessions.sessionToken, input.sessionToken));
  if (input.holderHash) await services.db.delete(grants).where(and(eq(grants.holderHash, input.holderHash), eq(grants.shopId, input.shopId)));
}
