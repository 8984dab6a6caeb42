import { z } from 'zod';
import type { Shop } from '@/domain/shops/shop';
import { createShopMemberRepository } from '../dashboard/shop-members';
import type { Services } from '../services';

/**
 * Makes the shop's owner, as Shopify names them (`shop { email }` with the shop's own token), an owner of its
 * dashboard, so whoever installs through OAuth can sign in by magic link without anyone running a CLI. Only an
 * address Shopify returns for this shop is added: the install request itself carries no email anyone could set.
 * Returns the address added, or null when Shopify gave none usable or did not answer (the install stands).
 */
export async function addShopifyOwner(services: Services, shop: Pick<Shop, 'id' | 'domain'>): Promise<string | null> {
  let email: string;
  try {
    email = await services.shopify.fetchShopOwnerEmail(await services.shops.getShopCredentials(shop));
  } catch (error) {
    services.logger.warn('shop owner lookup failed', { shop: shop.domain, error: error instanceof Error ? error.message : String(error) });
    return null;
  }
  const parsed = z.email().max(320).safeParse(email.trim());
  if (!parsed.success) {
    services.logger.warn('shop owner email unusable', { shop: shop.domain });
    return null;
  }
  await createShopMemberRepository(services.db).addMember({ shopId: shop.id, email: parsed.data, role: 'owner' });
  return parsed.data.toLowerCase();
}
