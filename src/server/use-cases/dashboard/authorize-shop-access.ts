import type { Shop } from '@/domain/shops/shop';
import { normalizeShopDomain } from '@/domain/shops/shop-domain';
import { AppError } from '../../app-error';
import type { SignedInShopper } from '../../auth/shopper-sign-in';
import type { Membership } from '../../dashboard/shop-members';
import type { Services } from '../../services';

export const NOT_A_MEMBER_MESSAGE = 'This shop is not available to you.';

export type Merchant = { email: string };
/** A signed-in merchant's access to one shop they are a member of. */
export type ShopAccess = { merchant: Merchant; shop: Shop; membership: Membership };

/** Merchants sign in through Auth.js (the same magic-link sessions shoppers use); no session is `unauthorized`. */
export function requireMerchant(signedIn: SignedInShopper | null): Merchant {
  if (!signedIn) throw new AppError('unauthorized', 'Please sign in.');
  return { email: signedIn.email };
}

/**
 * The merchant's access to the shop named by `shopInput` (its domain). An unknown shop, an uninstalled one and
 * someone else's all answer `not_found` with one message, so shops cannot be probed.
 */
export async function authorizeShopAccess(services: Pick<Services, 'members' | 'shops'>, merchant: Merchant, shopInput: string): Promise<ShopAccess> {
  const domain = normalizeShopDomain(shopInput);
  const membership = domain ? await services.members.findMembership(merchant.email, domain) : null;
  if (!membership) throw new AppError('not_found', NOT_A_MEMBER_MESSAGE);
  const shop = await services.shops.findShopById(membership.shopId);
  if (!shop) throw new AppError('not_found', NOT_A_MEMBER_MESSAGE);
  return { merchant, shop, membership };
}

/** Settings and invitations are for owners only. */
export function requireOwner(access: ShopAccess): void {
  if (access.membership.role !== 'owner') throw new AppError('forbidden', 'Only the shop owner can change this.');
}
