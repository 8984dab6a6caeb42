import { DEFAULT_EMBEDDED_STAFF_ACCESS } from '@/domain/embedded/staff-access';
import { buildLiquidSnippet } from '@/domain/links/liquid-snippet';
import type { Shop } from '@/domain/shops/shop';
import { DEFAULT_BRAND_COLOR } from '@/domain/widget/brand-theme';
import { DEFAULT_RETENTION_DAYS } from '../../analytics/apply-retention';
import type { Services } from '../../services';
import { shopDeepLinkSecret } from '../links/open-deep-link';

/**
 * What the settings page shows. The Liquid snippet embeds the shop's deep-link secret, so only owners get it;
 * attempt limits are the deployment's (env) values.
 */
export async function loadSettings(services: Services, shop: Shop, role: 'owner' | 'member' = 'member') {
  const appUrl = services.env.APP_URL.replace(/\/+$/, '');
  const { env } = services;
  return {
    shop: { domain: shop.domain, name: shop.name },
    brandName: shop.settings.brandName ?? '',
    brandColor: shop.settings.brandColor ?? DEFAULT_BRAND_COLOR,
    logoUrl: shop.settings.logoUrl ?? '',
    supportEmail: shop.settings.supportEmail ?? '',
    storefrontDomains: shop.settings.storefrontDomains ?? [],
    retentionDays: shop.settings.retentionDays ?? DEFAULT_RETENTION_DAYS,
    embeddedStaffAccess: shop.settings.embeddedStaffAccess ?? DEFAULT_EMBEDDED_STAFF_ACCESS,
    widgetSnippet: `<script src="${appUrl}/widget.js" data-shop="${shop.domain}" async></script>`,
    trackingPageUrl: `${appUrl}/t/${shop.domain}`,
    liquidSnippet: role === 'owner' ? buildLiquidSnippet({ appUrl, shopDomain: shop.domain, secret: shopDeepLinkSecret(services, shop) }) : null,
    attemptLimits: [
      { scope: 'Per browser session', failures: env.VERIFY_MAX_FAILURES_PER_SESSION, windowMinutes: env.VERIFY_SESSION_WINDOW_MINUTES },
      { scope: 'Per client address', failures: env.VERIFY_MAX_FAILURES_PER_CLIENT, windowMinutes: env.VERIFY_CLIENT_WINDOW_MINUTES },
      { scope: 'Per order number', failures: env.VERIFY_MAX_FAILURES_PER_ORDER, windowMinutes: env.VERIFY_ORDER_WINDOW_MINUTES },
    ],
  };
}
