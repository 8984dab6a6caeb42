import type { Services } from '../services';
import { hashEmailFor } from './order-deps';
import type { CustomerDataExport, WebhookDeps } from '@/domain/webhooks/webhook-deps';
import { refreshShopLocales } from '@/domain/shops/shop-locales';
import { createWebhookStore } from '../webhooks/webhook-store';
import { shopLocalesDeps } from './shop-deps';

/** Wires the webhook slice to the process services (the route and tests call this, never build deps themselves). */
export function shopifyWebhookDeps(services: Services, overrides: Partial<WebhookDeps> = {}): WebhookDeps {
  const store = createWebhookStore(services.db);
  return {
    appSecret: services.env.SHOPIFY_API_SECRET,
    shops: {
      findShopByDomain: (domain) => services.shops.findShopByDomain(domain),
      getWebhookSecret: (shop) => services.shops.getWebhookSecret(shop),
      markShopUninstalled: (domain, at) => services.shops.markShopUninstalled(domain, at),
      deleteShop: (shopId) => store.deleteShop(shopId),
    },
    deliveries: store.deliveries,
    privacy: store.privacy,
    // Same hash as the verification code writes, so redaction finds the rows it wrote.
    hashEmail: hashEmailFor(services),
    eraseSignInAccount: (email) => store.deleteSignInAccount(email),
    deliverDataExport: (data) => deliverDataExport(services, data),
    cache: services.cache,
    locales: { refresh: (shop) => refreshShopLocales(shopLocalesDeps(services), shop) },
    logger: services.logger,
    now: () => new Date(),
    ...overrides,
  };
}

/**
 * The export goes to the shop's support address (the outbox on embedded defaults); the log gets counts
 * only, since logs are kept longer and read by more people than the merchant's inbox.
 */
async function deliverDataExport(services: Services, data: CustomerDataExport): Promise<void> {
  const shop = await services.shops.findShopByDomain(data.shopDomain);
  const to = shop?.settings.supportEmail;
  services.logger.info('customer data export', {
    shop: data.shopDomain,
    dataRequestId: data.dataRequestId,
    orders: data.orders.length,
    auditEvents: data.auditEvents.count,
    grants: data.grants.length,
    emailed: Boolean(to),
  });
  if (!to) return;
  await services.mailer.send({
    to,
    purpose: 'data_request',
    subject: `Customer data request ${data.dataRequestId ?? ''} for ${data.shopDomain}`.trim(),
    text: `Shopify asked for the data this app holds about a customer (customers/data_request).\n\n${JSON.stringify(data, null, 2)}`,
  });
}
