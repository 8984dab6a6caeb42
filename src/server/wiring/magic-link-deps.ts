import type { Locale } from '@/domain/i18n/locales';
import { emailHasOrders, type OrdersByEmailGateway } from '@/domain/orders/list-orders-by-email';
import type { RequestMagicLinkDeps } from '@/domain/links/request-magic-link';
import { hashClientFor, hashEmailFor } from './order-deps';
import type { Services } from '../services';
import { issueMagicLink } from '../auth/issue-magic-link';

/** Above a cold Shopify search plus a mail send, so the answer's timing says nothing about the email. */
export const MAGIC_LINK_MINIMUM_RESPONSE_MS = 700;

/** One shop's Admin API, as the history page and the magic-link check need it. */
export function ordersByEmailGateway(services: Services, shop: { id: string }): OrdersByEmailGateway {
  return {
    findOrdersByEmail: async (email, page) => services.shopify.findOrdersByEmail(await services.shops.getShopCredentials(shop), email, page),
  };
}

/** Wiring for requestMagicLink (tracking page and chat): shared store counters, Shopify, Auth.js tokens, mailer (in the shopper's `locale`), audit. */
export function magicLinkDeps(
  services: Services,
  options: { door?: 'page' | 'widget'; minimumResponseMs?: number; locale?: Locale } = {},
): RequestMagicLinkDeps {
  const { env } = services;
  const windowMs = env.MAGIC_LINK_WINDOW_MINUTES * 60 * 1000;
  const hashEmail = hashEmailFor(services);
  return {
    counters: services.store,
    limits: { perEmail: { max: env.MAGIC_LINK_MAX_PER_EMAIL, windowMs }, perClient: { max: env.MAGIC_LINK_MAX_PER_CLIENT, windowMs } },
    hashEmail: (email) => hashEmail(email) ?? '',
    hashClient: hashClientFor(services),
    hasOrders: (shop, email) => emailHasOrders({ gateway: ordersByEmailGateway(services, shop) }, email),
    sendLink: async ({ shop, email, callbackPath }) => {
      await issueMagicLink(services, { shop, email, callbackPath, ...(options.locale ? { locale: options.locale } : {}) });
      services.analytics.record({ shopId: shop.id, type: 'magic_link_sent', door: options.door ?? 'page' });
    },
    audit: (entry) => services.audit.record({ ...entry, door: options.door ?? 'page', action: 'magic_link', orderId: null }),
    minimumResponseMs: options.minimumResponseMs ?? MAGIC_LINK_MINIMUM_RESPONSE_MS,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => new Date(),
    random: Math.random,
  };
}
