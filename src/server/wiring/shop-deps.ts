import { randomBytes, randomUUID } from 'node:crypto';
import type { Services } from '../services';
import type { ConnectShopDeps } from '@/domain/shops/connect-shop';
import type { CompleteInstallDeps, OAuthAppConfig } from '@/domain/shops/oauth';
import { createCodeExchanger } from '../shops/exchange-access-token';

/** Wires the shops slice to the process services (routes and the CLI call these, never build deps themselves). */
export function connectShopDeps(services: Services): ConnectShopDeps {
  return {
    fetchShopInfo: (shop) => services.shopify.fetchShopInfo(shop),
    findShopByDomain: (domain) => services.shops.findShopByDomain(domain),
    saveShop: (input) => services.shops.saveShop(input),
    adminOriginTemplate: services.env.SHOPIFY_ADMIN_ORIGIN,
    randomId: () => randomUUID(),
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
