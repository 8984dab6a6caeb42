import type { ShopLocales } from '../i18n/negotiate-locale';

export type ShopLocaleRow = { locale: string; primary: boolean; published: boolean };

export type RefreshShopLocalesDeps = {
  /** Shopify's `shopLocales` for the shop. */
  fetchShopLocales: (shop: { id: string }) => Promise<ShopLocaleRow[]>;
  saveShopLocales: (shop: { id: string }, locales: ShopLocales) => Promise<void>;
};

/**
 * The primary locale and the published ones (the primary is always among them), from Shopify's rows; null when
 * Shopify names no primary locale (nothing usable: the stored languages stay as they were).
 */
export function readShopLocales(rows: readonly ShopLocaleRow[]): ShopLocales | null {
  const primary = rows.find((row) => row.primary)?.locale;
  if (!primary) return null;
  const published = [primary, ...rows.filter((row) => row.published && !row.primary).map((row) => row.locale)];
  return { primary, published: [...new Set(published)] };
}

/** Reads the shop's languages from Shopify and stores them; returns what was stored (null: nothing changed). */
export async function refreshShopLocales(deps: RefreshShopLocalesDeps, shop: { id: string }): Promise<ShopLocales | null> {
  const locales = readShopLocales(await deps.fetchShopLocales(shop));
  if (locales) await deps.saveShopLocales(shop, locales);
  return locales;
}
