import type { Shop } from '@/domain/shops/shop';
import { normalizeShopDomain } from '@/domain/shops/shop-domain';
import { AppError } from '../../app-error';
import type { Services } from '../../services';

export const SHOP_NOT_AVAILABLE_MESSAGE = 'This shop is not available.';

/**
 * The installed shop behind a shopper-supplied domain (any spelling normalizeShopDomain accepts), or null when
 * it is unknown, malformed or uninstalled: the one place every shopper door resolves its shop.
 */
export async function findServedShop(services: Pick<Services, 'shops'>, domainInput: string): Promise<Shop | null> {
  const domain = normalizeShopDomain(domainInput);
  const shop = domain ? await services.shops.findShopByDomain(domain) : null;
  return shop && !shop.uninstalledAt ? shop : null;
}

/** As findServedShop, but a shop that is not served stops the use case (`not_found`). */
export async function requireServedShop(services: Pick<Services, 'shops'>, domainInput: string): Promise<Shop> {
  const shop = await findServedShop(services, domainInput);
  if (!shop) throw new AppError('not_found', SHOP_NOT_AVAILABLE_MESSAGE);
  return shop;
}
