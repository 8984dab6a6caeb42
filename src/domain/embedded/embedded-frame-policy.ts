import { isShopDomain } from '../shops/shop-domain';
import { frameAncestorsPolicy } from '../widget/frame-ancestors';

/**
 * The CSP for embedded pages: framable by the shop's own admin domain and Shopify admin only, as Shopify requires
 * of embedded apps (`frame-ancestors https://{shop} https://admin.shopify.com`). The shop is the request's
 * `shop` parameter, accepted only as an exact `handle.myshopify.com`; anything else answers `'none'`.
 */
export function embeddedFramePolicy(shopParam: string | null, adminOrigin: string): string {
  const shop = shopParam?.trim().toLowerCase() ?? '';
  if (!isShopDomain(shop)) return frameAncestorsPolicy([]);
  return frameAncestorsPolicy([`https://${shop}`, adminOrigin]);
}
