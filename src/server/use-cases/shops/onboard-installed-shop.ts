import type { Shop } from '@/domain/shops/shop';
import type { Services } from '../../services';
import { addShopifyOwner } from '../../shops/add-shopify-owner';
import { syncWebhookSubscriptions } from '../../shops/sync-webhook-subscriptions';

/**
 * What every install does once the shop is stored with its offline token, whichever door it came through (OAuth
 * callback or Shopify-managed install from admin): reconcile its webhook subscriptions and make the shop's owner,
 * as Shopify names them (`shop { email }`), an owner of its dashboard. Neither failure undoes the install
 * (both are logged; `shop:webhooks` repairs subscriptions).
 */
export async function onboardInstalledShop(services: Services, shop: Pick<Shop, 'id' | 'domain'>): Promise<void> {
  await syncWebhookSubscriptions(services, shop).catch((error: unknown) =>
    services.logger.error('shopify webhook subscriptions failed', { shop: shop.domain, error: error instanceof Error ? error.message : String(error) }),
  );
  await addShopifyOwner(services, shop);
}
