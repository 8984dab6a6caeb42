import type { SessionTokenClaims } from '@/domain/embedded/session-token';
import { connectShop } from '@/domain/shops/connect-shop';
import type { Shop } from '@/domain/shops/shop';
import { defaultAdminOrigin } from '@/domain/shops/shop-domain';
import { AppError } from '../../app-error';
import type { Services } from '../../services';
import type { ExchangeForOfflineToken } from '../../shops/exchange-session-token';
import { connectShopDeps } from '../../wiring/shop-deps';
import { onboardInstalledShop } from './onboard-installed-shop';

export const MANAGED_INSTALL_FAILED_MESSAGE = 'Shopify did not hand this shop over to Order Status Agent just now. Please reload the app in a moment.';

/**
 * Shopify-managed install (shopify.dev "Enable Shopify-managed installations"): Shopify installed the app without
 * calling us, and admin now opens it with a session token for a shop we do not serve (or no longer serve). The
 * token's shop (already verified: `claims` only come from verifySessionToken) is connected exactly as an OAuth
 * install connects it: the session token is exchanged for the shop's OFFLINE access token, which must pass one
 * Admin API call for that very shop (connectShop), is stored encrypted, then onboardInstalledShop. Throws
 * `unavailable` when Shopify refuses the exchange or the token does not work; nothing is stored then.
 */
export async function installShopFromSessionToken(
  services: Services,
  deps: { exchangeOffline: ExchangeForOfflineToken },
  request: { claims: SessionTokenClaims; idToken: string },
): Promise<Shop> {
  const domain = request.claims.shop;
  const adminOrigin = defaultAdminOrigin(domain, services.env.SHOPIFY_ADMIN_ORIGIN);
  let granted: { accessToken: string; scope: string };
  try {
    granted = await deps.exchangeOffline({ adminOrigin, sessionToken: request.idToken });
  } catch (error) {
    services.logger.warn('managed install: token exchange failed', { shop: domain, error: error instanceof Error ? error.message : String(error) });
    throw new AppError('unavailable', MANAGED_INSTALL_FAILED_MESSAGE, { retryAfterSeconds: 5, cause: error });
  }
  const connected = await connectShop(connectShopDeps(services), { domain, token: granted.accessToken, apiOrigin: adminOrigin, scopes: granted.scope });
  if (!connected.ok) {
    services.logger.warn('managed install refused', { shop: domain, reason: connected.reason });
    throw new AppError('unavailable', MANAGED_INSTALL_FAILED_MESSAGE, { retryAfterSeconds: 5 });
  }
  services.logger.info('shop installed', { shop: domain, door: 'managed_install' });
  await onboardInstalledShop(services, connected.shop);
  return connected.shop;
}
