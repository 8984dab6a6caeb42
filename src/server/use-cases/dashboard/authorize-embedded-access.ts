import { z } from 'zod';
import { verifySessionToken, type SessionTokenFailure } from '@/domain/embedded/session-token';
import { decideStaffAccess } from '@/domain/embedded/staff-access';
import { normalizeShopDomain } from '@/domain/shops/shop-domain';
import { AppError } from '../../app-error';
import type { Services } from '../../services';
import type { StaffMember } from '../../shops/exchange-session-token';
import type { EmbeddedAccessDeps } from '../../wiring/embedded-deps';
import { installShopFromSessionToken } from '../shops/install-shop-from-session-token';
import { NOT_A_MEMBER_MESSAGE, type ShopAccess } from './authorize-shop-access';

export const EMBEDDED_OWNER_ONLY_MESSAGE =
  'This shop lets only its owner and invited teammates open the order-status dashboard. Ask the shop owner to invite you.';
export const EMBEDDED_UNVERIFIED_MESSAGE = 'Confirm your email address in Shopify, then open the app again.';
export const EMBEDDED_SESSION_MESSAGE = 'We could not confirm your Shopify session. Open the app again from Shopify admin.';

/** A session token only says who; token exchange says the email. Kept briefly so page loads do not each call Shopify. */
export const STAFF_CACHE_TTL_MS = 5 * 60_000;
const cachedStaff = z.object({ email: z.email(), name: z.string(), accountOwner: z.boolean(), emailVerified: z.boolean() });
type CachedStaff = z.infer<typeof cachedStaff>;

export type EmbeddedAccess = ShopAccess & { staff: { userId: string; name: string } };

/** Expired or not-yet-valid tokens are worth a fresh one from App Bridge; the rest are not (a retry would loop). */
export function isRetryableTokenFailure(reason: SessionTokenFailure): boolean {
  return reason === 'expired' || reason === 'not_yet_valid';
}

export class SessionTokenRejected extends AppError {
  readonly reason: SessionTokenFailure;
  constructor(reason: SessionTokenFailure) {
    super('unauthorized', EMBEDDED_SESSION_MESSAGE);
    this.reason = reason;
  }
}

const staffKey = (shopId: string, userId: string) => `embedded-staff:${shopId}:${userId}`;

async function readStaff(services: Pick<Services, 'store' | 'logger'>, key: string): Promise<CachedStaff | null> {
  try {
    const raw = await services.store.get(key);
    const parsed = raw ? cachedStaff.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : null;
  } catch (error) {
    // The cache is an optimisation: without it we ask Shopify again.
    services.logger.warn('embedded staff cache read failed', { error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

/**
 * The dashboard access of whoever opened the app in Shopify admin: the session token is verified (our client
 * id and secret, the shop named by the request when there is one), the staff member is learned through token
 * exchange (cached per shop and staff id for STAFF_CACHE_TTL_MS; the online access token is never kept) and
 * mapped to a membership by decideStaffAccess. A shop we do not serve yet (or that was uninstalled) is installed
 * first from the same verified token (Shopify-managed install: installShopFromSessionToken). Stops:
 * `unauthorized` (SessionTokenRejected) for a bad token, `forbidden` with a page-ready message when refused,
 * `unavailable` when a Shopify token exchange fails.
 */
export async function authorizeEmbeddedAccess(
  services: Services,
  deps: EmbeddedAccessDeps,
  request: { idToken: string; shop?: string },
): Promise<EmbeddedAccess> {
  const expectedShop = request.shop === undefined ? undefined : (normalizeShopDomain(request.shop) ?? '');
  const verified = verifySessionToken(request.idToken, {
    apiKey: services.env.SHOPIFY_API_KEY,
    apiSecret: services.env.SHOPIFY_API_SECRET,
    nowMs: deps.now(),
    expectedShop,
  });
  if (!verified.ok) throw new SessionTokenRejected(verified.reason);
  const { claims } = verified;

  const found = await services.shops.findShopByDomain(claims.shop);
  // Only a token signed with our secret for this shop gets here: Shopify opened the app, so Shopify installed it.
  const shop = found && !found.uninstalledAt ? found : await installShopFromSessionToken(services, deps, { claims, idToken: request.idToken });

  const key = staffKey(shop.id, claims.userId);
  let staff = await readStaff(services, key);
  if (!staff) {
    let member: StaffMember;
    try {
      member = await deps.exchange({ adminOrigin: shop.apiOrigin, sessionToken: request.idToken });
    } catch (error) {
      services.logger.warn('token exchange failed', { shop: shop.domain, error: error instanceof Error ? error.message : String(error) });
      throw new AppError('unavailable', 'Shopify did not confirm who you are just now. Please reload the app in a moment.', {
        retryAfterSeconds: 5,
        cause: error,
      });
    }
    // The exchange must describe the staff member the token names; anything else is refused, not guessed at.
    if (member.userId !== claims.userId) throw new SessionTokenRejected('missing_user');
    staff = { email: member.email, name: member.name, accountOwner: member.accountOwner, emailVerified: member.emailVerified };
    try {
      await services.store.set(key, JSON.stringify(staff), Math.min(STAFF_CACHE_TTL_MS, member.expiresInSeconds * 1000));
    } catch (error) {
      services.logger.warn('embedded staff cache write failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  const existing = await services.members.findMembership(staff.email, shop.domain);
  const decision = decideStaffAccess(staff, existing?.role ?? null, shop.settings.embeddedStaffAccess);
  if (!decision.ok) throw new AppError('forbidden', decision.reason === 'owner_only' ? EMBEDDED_OWNER_ONLY_MESSAGE : EMBEDDED_UNVERIFIED_MESSAGE);
  if (decision.add) await services.members.addMember({ shopId: shop.id, email: staff.email, role: decision.add, invitedBy: null });
  const membership = decision.add ? await services.members.findMembership(staff.email, shop.domain) : existing;
  if (!membership) throw new AppError('not_found', NOT_A_MEMBER_MESSAGE);
  return { merchant: { email: staff.email }, shop, membership, staff: { userId: claims.userId, name: staff.name } };
}
