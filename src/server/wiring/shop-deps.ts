import { randomBytes, randomUUID } from 'node:crypto';
import type { Services } from '../services';
import type { ConnectShopDeps } from '@/domain/shops/connect-shop';
import type { CompleteInstallDeps, OAuthAppConfig } from '@/domain/shops/oauth';
import { refreshShopLocales, type RefreshShopLocalesDeps } from '@/domain/shops/shop-locales';
import { createCodeExchanger } from '../shops/exchange-access-token';

/** Wires the shops slice to the process services (routes and the CLI call these, never build deps themselves). */
export function connectShopDeps(services: Services): ConnectShopDeps {
  return {
    fetchShopInfo: (shop) => services.shopify.fetchShopInfo(shop),
    findShopByDomain: (domain) => services.shops.findShopByDomain(domain),
    saveShop: (input) => services.shops.saveShop(input),
    adminOriginTemplate: services.env.SHOPIFY_ADMIN_ORIGIN,
    randomId: () => randomUUID(),
    refreshShopLocales: async (shop) => {
      await refreshShopLocales(shopLocalesDeps(services), shop).catch((error: unknown) => {
        services.logger.warn('shop locales not read', { shop: shop.domain, error: error instanceof Error ? error.message : String(error) });
      });
    },
  };
}

/** Shopify's `shopLocales` for a stored shop, and where its languages are kept (connect and `locales/*` webhooks). */
export function shopLocalesDeps(services: Services): RefreshShopLocalesDeps {
  return {
    fetchShopLocales: async (shop) => services.shopify.fetchShopLocales(await services.shops.getShopCredentials(shop)),
    saveShopLocales: (shop, locales) => services.shops.saveShopLocales(shop, locales),
  };
}

export function oauthAppConfig(services: Services): OAuthAppConfig {
  const { env } = services;
  return {
    apiKey: env.SHOPIFY_API_KEY,
    apiSecret: env.SHOPIFY_API_SECRET,
    scopes: env.SHOPIFY_SCOPES,
    appUrl: env.APP_URL,
    stateKey: services.key('oauth-state'),
    adminOriginTemplate: env.SHOPIFY_ADMIN_ORIGIN,
    now: () => Date.now(),
    randomBytes: (size) => randomBytes(size),
  };
}

export function completeInstallDeps(services: Services): CompleteInstallDeps {
  return {
    ...connectShopDeps(services),
    exchangeCode: createCodeExchanger({ timeoutMs: services.env.SHOPIFY_REQUEST_TIMEOUT_MS }),
  };
}
