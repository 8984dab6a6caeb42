import type { WebhookDeps, WebhookShop } from './webhook-deps';

/**
 * locales/create, locales/update, locales/destroy: a storefront language was added, published, unpublished or
 * removed. The payload names one locale; the whole list is read again from Shopify, so deliveries that arrive
 * late or out of order still leave the shop's current languages.
 */
export async function handleLocalesWebhook(deps: WebhookDeps, shop: WebhookShop) {
  const locales = await deps.locales.refresh(shop);
  return { locales: locales ? locales.published.length : null };
}
