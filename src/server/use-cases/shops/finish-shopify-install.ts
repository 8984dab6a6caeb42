import { completeInstall, type CompleteInstallResult } from '@/domain/shops/oauth';
import { readSignedInShopper } from '../../auth/shopper-sign-in';
import type { Services } from '../../services';
import { completeInstallDeps, oauthAppConfig } from '../../wiring/shop-deps';
import { onboardInstalledShop } from './onboard-installed-shop';

/**
 * Shopify's redirect after the merchant approved the install: checks and stores the shop, and makes the shop's
 * owner (its email from the Admin API) and whoever is signed in (magic link) its dashboard owners; the OAuth
 * flow itself carries no email.
 */
export async function finishShopifyInstall(
  services: Services,
  input: { query: URLSearchParams; stateCookie: string | undefined; headers: Headers },
): Promise<CompleteInstallResult> {
  const result = await completeInstall(oauthAppConfig(services), completeInstallDeps(services), { query: input.query, stateCookie: input.stateCookie });
  if (!result.ok) {
    services.logger.warn('shopify install refused', { reason: result.reason });
    return result;
  }
  services.logger.info('shop installed', { shop: result.shop.domain });
  await onboardInstalledShop(services, result.shop);
  const merchant = await readSignedInShopper(services, input.headers).catch(() => null);
  if (merchant) await services.members.addMember({ shopId: result.shop.id, email: merchant.email, role: 'owner' });
  return result;
}
