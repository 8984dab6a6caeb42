import type { ShopSettings } from '../shops/shop-settings';

/**
 * Who may frame the chat iframe: the shop's myshopify.com origin plus the storefront domains the merchant
 * listed in settings. Each entry becomes a bare origin or is dropped: a wildcard, a quote, a `;` or any other
 * CSP syntax would widen the policy or inject a directive, so only `scheme://host[:port]` survives.
 */
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
const MAX_ANCESTORS = 20;

/** `https://shop.example`, `shop.example` (https assumed) or `http://127.0.0.1:4010` → its origin; null when unsafe. */
export function normalizeStorefrontOrigin(entry: string): string | null {
  const value = entry.trim().toLowerCase();
  if (!value || /[\s;,'"*\\]/.test(value)) return null;
  const hasScheme = value.includes('://');
  // Without a scheme only `host[:port]` is accepted, so `data:` or `javascript:x` cannot pass as hosts.
  if (!hasScheme && !/^[^:/]+(:\d{1,5})?\/?$/.test(value)) return null;
  const withScheme = hasScheme ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  if (!HOST.test(url.hostname)) return null;
  return url.origin;
}

/** The origins allowed to embed this shop's widget, deduplicated, the shop's own myshopify.com origin first. */
export function listFrameAncestors(shop: { domain: string; settings: Pick<ShopSettings, 'storefrontDomains'> }): string[] {
  const origins = [`https://${shop.domain}`];
  for (const entry of shop.settings.storefrontDomains ?? []) {
    const origin = typeof entry === 'string' ? normalizeStorefrontOrigin(entry) : null;
    if (origin && !origins.includes(origin) && origins.length < MAX_ANCESTORS) origins.push(origin);
  }
  return origins;
}

/** The CSP value for the widget route: only the given origins, or `'none'` when there are none. */
export function frameAncestorsPolicy(origins: readonly string[]): string {
  const safe = origins.map(normalizeStorefrontOrigin).filter((origin): origin is string => origin !== null);
  return `frame-ancestors ${safe.length > 0 ? safe.join(' ') : "'none'"}`;
}
