import { reconcileWebhookSubscriptions, type ReconcileResult, type SubscriptionGateway } from '@/domain/webhooks/reconcile-webhook-subscriptions';
import type { Shop } from '@/domain/shops/shop';
import type { Services } from '../services';

/** The shop's subscription calls through the app's Admin client (shared point bucket, retries). */
export async function subscriptionGateway(services: Services, shop: Pick<Shop, 'id'>): Promise<SubscriptionGateway> {
  const calls = services.shopify.webhookSubscriptions(await services.shops.getShopCredentials(shop));
  return {
    list: () => calls.listWebhookSubscriptions(),
    create: (topic, callbackUrl) => calls.createWebhookSubscription(topic, callbackUrl),
    update: (id, callbackUrl) => calls.updateWebhookSubscription(id, callbackUrl),
    remove: (id) => calls.deleteWebhookSubscription(id),
  };
}

/**
 * Reconciles (or with `dryRun` only checks) one shop's webhook subscriptions against APP_URL and logs the
 * outcome. Never throws for Shopify's answers; see reconcileWebhookSubscriptions.
 */
export async function syncWebhookSubscriptions(
  services: Services,
  shop: Pick<Shop, 'id' | 'domain'>,
  options: { dryRun?: boolean } = {},
): Promise<ReconcileResult> {
  const gateway = await subscriptionGateway(services, shop);
  const result = await reconcileWebhookSubscriptions(gateway, { appUrl: services.env.APP_URL, ...(options.dryRun ? { dryRun: true } : {}) });
  const counts = { created: result.created, moved: result.moved, removed: result.removed, foreign: result.plan?.foreign };
  if (result.ok)
    services.logger.info('shopify webhook subscriptions', {
      shop: shop.domain,
      dryRun: Boolean(options.dryRun),
      complete: result.complete,
      missing: result.missing,
      ...counts,
    });
  else services.logger.error('shopify webhook subscriptions failed', { shop: shop.domain, reason: result.reason, message: result.message, ...counts });
  return result;
}
