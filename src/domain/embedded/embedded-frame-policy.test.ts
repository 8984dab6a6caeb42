import { describe, expect, it } from 'vitest';
import { embeddedFramePolicy } from './embedded-frame-policy';

describe('embeddedFramePolicy', () => {
  it('allows the shop and Shopify admin only', () => {
    expect(embeddedFramePolicy('acme-outdoors.myshopify.com', 'https://admin.shopify.com')).toBe(
      'frame-ancestors https://acme-outdoors.myshopify.com https://admin.shopify.com',
    );
  });

  it("answers 'none' for a missing, malformed or hostile shop parameter", () => {
    for (const bad of [
      null,
      '',
      'evil.com',
      'acme.myshopify.com.evil.com',
      'acme.myshopify.com https://evil.com',
      "acme.myshopify.com'",
      '*',
      'https://acme.myshopify.com',
    ]) {
      expect(embeddedFramePolicy(bad, 'https://admin.shopify.com')).toBe("frame-ancestors 'none'");
    }
  });

  it('drops an admin origin that is not a plain origin', () => {
    expect(embeddedFramePolicy('acme.myshopify.com', 'https://admin.shopify.com; script-src *')).toBe('frame-ancestors https://acme.myshopify.com');
  });
});
