import type { Services } from '../services';
import { createSessionTokenExchanger, type ExchangeSessionToken } from '../shops/exchange-session-token';

export type EmbeddedAccessDeps = { exchange: ExchangeSessionToken; now: () => number };

/** The embedded dashboard's gateways: the token exchange against the shop's Admin API origin, and the clock. */
export function embeddedAccessDeps(services: Services): EmbeddedAccessDeps {
  const { env } = services;
  return {
    exchange: createSessionTokenExchanger({ clientId: env.SHOPIFY_API_KEY, clientSecret: env.SHOPIFY_API_SECRET, timeoutMs: env.SHOPIFY_REQUEST_TIMEOUT_MS }),
    now: Date.now,
  };
}
