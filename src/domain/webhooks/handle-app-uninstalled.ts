import type { WebhookDeps, WebhookShop } from './webhook-deps';
import type { WebhookHeaders } from './webhook-request';

/**
 * app/uninstalled: the shop stops being served (its token is dead anyway) and every shopper grant of it is
 * deleted. A delivery triggered before the shop's latest install is stale (Shopify may deliver a day late) and
 * must not uninstall a reinstalled shop.
 */
export async function handleAppUninstalled(deps: WebhookDeps, shop: WebhookShop, headers: WebhookHeaders) {
  if (headers.triggeredAt && headers.triggeredAt < shop.installedAt) {
    return { stale: true, marked: false, grantsDeleted: 0 };
  }
  const marked = shop.uninstalledAt ? false : await deps.shops.markShopUninstalled(shop.domain, deps.now());
  const grantsDeleted = await deps.privacy.deleteShopGrants(shop.id);
  return { stale: false, marked, grantsDeleted };
}
