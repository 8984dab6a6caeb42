import type { Services } from '../services';
import { keyedHash } from '../crypto/secrets';
import { normalizeEmail } from '@/domain/verification/normalize-email';
import type { WebhookDeps } from '@/domain/webhooks/webhook-deps';
import { createWebhookStore } from './webhook-store';

/** Wires the webhook slice to the process services (the route and tests call this, never build deps themselves). */
export function shopifyWebhookDeps(services: Services, overrides: Partial<WebhookDeps> = {}): WebhookDeps {
  const store = createWebhookStore(services.db);
  const auditKey = services.key('audit-hash');
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
    hashEmail: (email) => {
      const normalized = normalizeEmail(email);
      return normalized.ok ? keyedHash(normalized.email, auditKey) : null;
    },
    // Until the merchant-email issue lands, the export is one structured log line (shopper-safe views, no raw email).
    deliverDataExport: async (data) => services.logger.info('customer data export', { kind: 'customers/data_request', export: data }),
    cache: services.cache,
    logger: services.logger,
    ...overrides,
  };
}
