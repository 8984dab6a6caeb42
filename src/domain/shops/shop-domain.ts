/**
 * Shop domains and Admin API origins. Every URL we build for a shop goes through these checks, so a
 * crafted `shop` parameter can never point our OAuth redirect or token exchange at another host.
 */

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const SHOP_HANDLE = /^[a-z0-9][a-z0-9-]*$/;
// DNS labels are at most 63 characters; Shopify handles are far shorter.
const MAX_HANDLE_LENGTH = 63;

/** True only for an exact, already-normalised `handle.myshopify.com` (what Shopify itself sends). */
export function isShopDomain(value: string): boolean {
  return SHOP_DOMAIN.test(value) && value.length <= MAX_HANDLE_LENGTH + '.myshopify.com'.length;
}

/**
 * Normalises what a person types into a shop domain, or null when it is not one.
 * Accepted: any letter case, surrounding spaces, an `http(s)://` prefix, one trailing slash, and a bare
 * handle (`acme` → `acme.myshopify.com`, as Shopify's own install screens do). Rejected: paths, ports,
 * credentials, query strings and any host that is not a direct child of myshopify.com.
 * Requests signed by Shopify (OAuth callback) use `isShopDomain` instead: no leniency there.
 */
export function normalizeShopDomain(input: string): string | null {
  let value = input.trim().toLowerCase();
  value = value.replace(/^https?:\/\//, '').replace(/\/$/, '');
  if (SHOP_HANDLE.test(value) && value.length <= MAX_HANDLE_LENGTH) value = `${value}.myshopify.com`;
  return isShopDomain(value) ? value : null;
}

/**
 * Validates an Admin API origin: an http(s) URL, optionally with a path prefix (the demo shop serves each
 * shop under `/shops/{domain}`), without credentials, query or fragment. Trailing slashes are trimmed.
 */
export function normalizeApiOrigin(input: string): string | null {
  const value = input.trim();
  if (value.includes('?') || value.includes('#') || /\s/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.hostname) return null;
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

/**
 * The Admin API origin of a shop connected without an explicit one. `template` (env SHOPIFY_ADMIN_ORIGIN)
 * may contain `{shop}`, e.g. `http://127.0.0.1:4010/shops/{shop}`; without a template it is `https://{shop}`.
 * Throws on a template that does not yield a valid origin: that is a configuration error, not user input.
 */
export function defaultAdminOrigin(domain: string, template?: string): string {
  if (!isShopDomain(domain)) throw new Error(`Not a shop domain: ${JSON.stringify(domain)}`);
  const raw = template ? template.replaceAll('{shop}', domain) : `https://${domain}`;
  const origin = normalizeApiOrigin(raw);
  if (!origin) throw new Error('SHOPIFY_ADMIN_ORIGIN is not a valid http(s) origin template');
  return origin;
}
