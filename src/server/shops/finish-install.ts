import { completeInstall, type CompleteInstallResult } from '@/domain/shops/oauth';
import { readSignedInShopper } from '../auth/shopper-sign-in';
import { createShopMemberRepository } from '../dashboard/shop-members';
import type { Services } from '../services';
import { completeInstallDeps, oauthAppConfig } from './shop-deps';
import { syncWebhookSubscriptions } from './sync-webhook-subscriptions';

/**
 * Shopify's redirect after the merchant approved the install: checks and stores the shop, and makes whoever is
 * signed in (magic link) its dashboard owner; the OAuth flow itself carries no email.
 */
export async function finishShopifyInstall(services: Services, input: { query: URLSearchParams; stateCookie: string | undefined; headers: Headers }): Promise<CompleteInstallResult> {
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
  const merchant = await readSignedInShopper(services, input.headers).catch(() => null);
  if (merchant) await createShopMemberRepository(services.db).addMember({ shopId: result.shop.id, email: merchant.email, role: 'owner' });
  return result;
}
