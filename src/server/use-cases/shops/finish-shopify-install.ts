import { completeInstall, type CompleteInstallResult } from '@/domain/shops/oauth';
import { readSignedInShopper } from '../../auth/shopper-sign-in';
import type { Services } from '../../services';
import { syncWebhookSubscriptions } from '../../shops/sync-webhook-subscriptions';
import { completeInstallDeps, oauthAppConfig } from '../../wiring/shop-deps';
import { addShopifyOwner } from '../../shops/add-shopify-owner';

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
  // The install stands even if Shopify refuses the subscriptions (logged with the fix); `shop:webhooks` repairs.
  await syncWebhookSubscriptions(services, result.shop).catch((error: unknown) =>
    services.logger.error('shopify webhook subscriptions failed', { shop: result.shop.domain, error: error instanceof Error ? error.message : String(error) }),
  );
  await addShopifyOwner(services, result.shop);
  const merchant = await readSignedInShopper(services, input.headers).catch(() => null);
  if (merchant) await services.members.addMember({ shopId: result.shop.id, email: merchant.email, role: 'owner' });
  return result;
}
