import { describe, expect, it } from 'vitest';
import { frameAncestorsPolicy, listFrameAncestors, normalizeStorefrontOrigin } from './frame-ancestors';

const shop = (storefrontDomains?: unknown[]) => ({ domain: 'acme-outdoors.myshopify.com', settings: { storefrontDomains: storefrontDomains as string[] } });

describe('listFrameAncestors', () => {
  it("always starts with the shop's own myshopify.com origin", () => {
    expect(listFrameAncestors(shop())).toEqual(['https://acme-outdoors.myshopify.com']);
  });

  it('adds storefront domains as origins, https when no scheme is given, without duplicates', () => {
    expect(listFrameAncestors(shop(['www.acme.example', 'https://www.acme.example/', 'HTTP://127.0.0.1:4210', 'acme-outdoors.myshopify.com']))).toEqual([
      'https://acme-outdoors.myshopify.com',
      'https://www.acme.example',
      'http://127.0.0.1:4210',
    ]);
  });

  it('drops entries that would widen the policy or inject another directive', () => {
    const hostile = [
      '*',
      'https://*.example.com',
      "'self'",
      "'unsafe-inline'",
      'https://a.example; script-src *',
      'https://a.example,https://b.example',
      'https://a.example https://evil.example',
      'data:',
      'javascript:alert(1)',
      'https://user:pw@a.example',
      'https://a.example/path',
      'https://a.example/?q=1',
      'https://a.example\\evil',
      'https://a.example"',
      '',
      42,
      null,
    ];
    expect(listFrameAncestors(shop(hostile))).toEqual(['https://acme-outdoors.myshopify.com']);
  });

  it('keeps at most 20 origins', () => {
    const many = Array.from({ length: 40 }, (_, i) => `shop${i}.example`);
    expect(listFrameAncestors(shop(many))).toHaveLength(20);
  });
});

describe('frameAncestorsPolicy', () => {
  it('lists only the given origins and never a wildcard', () => {
    expect(frameAncestorsPolicy(['https://acme-outdoors.myshopify.com', 'http://127.0.0.1:4210'])).toBe(
      'frame-ancestors https://acme-outdoors.myshopify.com http://127.0.0.1:4210',
    );
  });

  it("falls back to 'none' when nothing is allowed, and re-checks what it is given", () => {
    expect(frameAncestorsPolicy([])).toBe("frame-ancestors 'none'");
    expect(frameAncestorsPolicy(['*', 'https://a.example; x'])).toBe("frame-ancestors 'none'");
  });
});

describe('normalizeStorefrontOrigin', () => {
  it('accepts ports and uppercase, returns the origin', () => {
    expect(normalizeStorefrontOrigin(' Shop.Example.COM:8443 ')).toBe('https://shop.example.com:8443');
  });
});
