import type { Services } from '../services';
import {
  createOfflineTokenExchanger,
  createSessionTokenExchanger,
  type ExchangeForOfflineToken,
  type ExchangeSessionToken,
} from '../shops/exchange-session-token';

export type EmbeddedAccessDeps = {
  /** Session token → online token's staff member (who is looking). */
  exchange: ExchangeSessionToken;
  /** Session token → the shop's offline token (Shopify-managed install). */
  exchangeOffline: ExchangeForOfflineToken;
  now: () => number;
};

/** The embedded dashboard's gateways: both token exchanges against the shop's Admin API origin, and the clock. */
export function embeddedAccessDeps(services: Services): EmbeddedAccessDeps {
  const { env } = services;
  const credentials = { clientId: env.SHOPIFY_API_KEY, clientSecret: env.SHOPIFY_API_SECRET, timeoutMs: env.SHOPIFY_REQUEST_TIMEOUT_MS };
  return {
    exchange: createSessionTokenExchanger(credentials),
    exchangeOffline: createOfflineTokenExchanger(credentials),
    now: Date.now,
  };
}
