import { beforeEach, describe, expect, it } from 'vitest';
import type { Shop } from '@/domain/shops/shop';
import { clearWidgetFramePolicyCache, readWidgetFramePolicy } from './frame-policy';

const acme: Shop = {
  id: '00000000-0000-4000-8000-000000000001',
  domain: 'acme-outdoors.myshopify.com',
  name: 'Acme Outdoors',
  apiOrigin: 'http://127.0.0.1:1/shops/acme-outdoors.myshopify.com',
  scopes: 'read_orders',
  timezone: 'America/New_York',
  currency: 'USD',
  settings: { storefrontDomains: ['www.acme.example', '*', 'https://evil.example; script-src *'] },
  installedAt: new Date(0),
  uninstalledAt: null,
};

function deps(shops: Shop[]) {
  const lookups: string[] = [];
  let now = 1_000_000;
  return {
    lookups,
    tick: (ms: number) => (now += ms),
    deps: {
      now: () => now,
      findShopByDomain: async (domain: string) => {
        lookups.push(domain);
        return shops.find((shop) => shop.domain === domain) ?? null;
      },
    },
  };
}

describe('readWidgetFramePolicy', () => {
  beforeEach(() => clearWidgetFramePolicyCache());

  it("lists the shop's own domains and drops hostile entries", async () => {
    const { deps: d } = deps([acme]);
    expect(await readWidgetFramePolicy(d, 'acme-outdoors.myshopify.com')).toBe('frame-ancestors https://acme-outdoors.myshopify.com https://www.acme.example');
  });

  it("answers 'none' for unknown, uninstalled and malformed shops, without a lookup for the malformed one", async () => {
    const gone = { ...acme, domain: 'gone.myshopify.com', uninstalledAt: new Date() };
    const t = deps([acme, gone]);
    expect(await readWidgetFramePolicy(t.deps, 'nobody.myshopify.com')).toBe("frame-ancestors 'none'");
    expect(await readWidgetFramePolicy(t.deps, 'gone.myshopify.com')).toBe("frame-ancestors 'none'");
    expect(await readWidgetFramePolicy(t.deps, 'evil.com/../acme-outdoors.myshopify.com')).toBe("frame-ancestors 'none'");
    expect(t.lookups).toEqual(['nobody.myshopify.com', 'gone.myshopify.com']);
  });

  it('caches for a minute, then reads settings again', async () => {
    const t = deps([acme]);
    await readWidgetFramePolicy(t.deps, 'acme-outdoors.myshopify.com');
    await readWidgetFramePolicy(t.deps, 'ACME-OUTDOORS.myshopify.com');
    expect(t.lookups).toHaveLength(1);
    t.tick(61_000);
    await readWidgetFramePolicy(t.deps, 'acme-outdoors.myshopify.com');
    expect(t.lookups).toHaveLength(2);
  });
});
