import { normalizeShopDomain } from '@/domain/shops/shop-domain';
import { frameAncestorsPolicy, listFrameAncestors } from '@/domain/widget/frame-ancestors';
import type { Shop } from '@/domain/shops/shop';

export type FramePolicyDeps = { findShopByDomain: (domain: string) => Promise<Shop | null>; now: () => number };

const TTL_MS = 60_000;
const MAX_ENTRIES = 1000;
const cache = new Map<string, { policy: string; expiresAt: number }>();

/**
 * The `Content-Security-Policy` value for `/widget/{shop}`: frame-ancestors lists only the shop's own
 * domains. Unknown, uninstalled or malformed shops get `'none'`. Cached per process for a minute, so a
 * settings change reaches every iframe within that time.
 */
export async function readWidgetFramePolicy(deps: FramePolicyDeps, rawShop: string): Promise<string> {
  const domain = normalizeShopDomain(rawShop);
  if (!domain) return frameAncestorsPolicy([]);
  const hit = cache.get(domain);
  if (hit && hit.expiresAt > deps.now()) return hit.policy;
  const shop = await deps.findShopByDomain(domain);
  const policy = frameAncestorsPolicy(shop && !shop.uninstalledAt ? listFrameAncestors(shop) : []);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(domain, { policy, expiresAt: deps.now() + TTL_MS });
  return policy;
}

/** Tests only: forget cached policies. */
export function clearWidgetFramePolicyCache(): void {
  cache.clear();
}
