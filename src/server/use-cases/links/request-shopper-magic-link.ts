import type { Locale } from '@/domain/i18n/locales';
import { requestMagicLink, type RequestMagicLinkResult } from '@/domain/links/request-magic-link';
import type { Shop } from '@/domain/shops/shop';
import { magicLinkDeps } from '../../wiring/magic-link-deps';
import type { Services } from '../../services';

/**
 * "Email me a link to all my orders" in one shop (tracking page and chat): the uniform answer, timing and send limits of
 * requestMagicLink; the link opens that shop's order history, and the mail is in the shopper's `locale`.
 */
export function requestShopperMagicLink(
  services: Services,
  input: { shop: Shop; email: string; clientAddress: string | null; door?: 'page' | 'widget'; locale?: Locale },
): Promise<RequestMagicLinkResult> {
  const { shop } = input;
  return requestMagicLink(magicLinkDeps(services, { door: input.door ?? 'page', ...(input.locale ? { locale: input.locale } : {}) }), {
    shop: { id: shop.id, domain: shop.domain, name: shop.name },
    email: input.email,
    clientAddress: input.clientAddress,
    callbackPath: `/t/${shop.domain}/orders`,
  });
}
