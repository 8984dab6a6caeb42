import type { ShopSettings } from './shop-settings';

/** A connected shop as the rest of the app sees it: never the token, not even sealed. */
export type Shop = {
  id: string;
  domain: string;
  name: string;
  apiOrigin: string;
  scopes: string;
  timezone: string;
  currency: string | null;
  settings: ShopSettings;
  installedAt: Date;
  uninstalledAt: Date | null;
};

/** What connecting a shop writes. `webhookSecret`: undefined keeps the stored one, null clears it. */
export type SaveShopInput = {
  /** Used only when the domain is new; an existing shop keeps its id. */
  id?: string;
  domain: string;
  name: string;
  apiOrigin: string;
  accessToken: string;
  webhookSecret?: string | null;
  scopes?: string;
  timezone: string;
  currency: string | null;
  /** Learned from a sample order name; kept as it is when undefined. */
  orderNameFormat?: { prefix: string; suffix: string };
};

/** The credentials the Admin API client needs (same shape as ShopCredentials in src/server/shopify). */
export type ShopAccess = { shopId: string; domain: string; apiOrigin: string; accessToken: string };

/** The subset of the Admin API client that connecting a shop relies on: one call that proves a token. */
export type FetchShopInfo = (
  shop: ShopAccess,
) => Promise<{ name: string; domain: string; ianaTimezone: string; currencyCode: string; sampleOrderName?: string | null }>;

/**
 * Error kind of a failed Admin API call. Read structurally (ShopifyError from src/server/shopify has a
 * `kind`) so domain code does not import the adapter.
 */
export function shopifyErrorKind(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('kind' in error)) return undefined;
  const kind = (error as { kind: unknown }).kind;
  return typeof kind === 'string' ? kind : undefined;
}
