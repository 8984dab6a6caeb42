import type { ConnectShopDeps } from '../../src/domain/shops/connect-shop';
import type { SaveShopInput, Shop, ShopAccess } from '../../src/domain/shops/shop';

type ShopInfo = Awaited<ReturnType<ConnectShopDeps['fetchShopInfo']>>;

export const FAKE_INSTALLED_AT = new Date('2025-01-01T00:00:00Z');

/** In-memory stand-ins for the shop repository and the Admin API, recording every call (tests only). Ids are `shop-id-1`, `shop-id-2`, … */
export function createFakeShopDeps(options: { tokens?: Record<string, ShopInfo>; fail?: unknown } = {}) {
  const saved: SaveShopInput[] = [];
  const shopInfoCalls: ShopAccess[] = [];
  const shops = new Map<string, Shop>();
  let ids = 0;
  const deps: ConnectShopDeps = {
    async fetchShopInfo(access) {
      shopInfoCalls.push(access);
      if (options.fail !== undefined) throw options.fail;
      const info = options.tokens?.[access.accessToken];
      if (!info) throw Object.assign(new Error('401'), { kind: 'unauthorized' });
      return info;
    },
    findShopByDomain: async (domain) => shops.get(domain) ?? null,
    async saveShop(input) {
      saved.push(input);
      const shop: Shop = {
        id: shops.get(input.domain)?.id ?? input.id ?? 'generated',
        domain: input.domain,
        name: input.name,
        apiOrigin: input.apiOrigin,
        scopes: input.scopes ?? '',
        timezone: input.timezone,
        currency: input.currency,
        settings: {},
        installedAt: FAKE_INSTALLED_AT,
        uninstalledAt: null,
      };
      shops.set(input.domain, shop);
      return shop;
    },
    randomId: () => `shop-id-${++ids}`,
  };
  return { deps, saved, shopInfoCalls };
}

export const ACME_INFO: ShopInfo = {
  name: 'Acme Outdoors',
  domain: 'acme.myshopify.com',
  ianaTimezone: 'America/New_York',
  currencyCode: 'USD',
};
