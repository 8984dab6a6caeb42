import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

const production = { NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32), SHOPIFY_API_KEY: 'key', SHOPIFY_API_SECRET: 'secret' };

describe('embedded admin settings', () => {
  it("default to Shopify's App Bridge CDN and admin origin (empty means unset)", () => {
    const env = parseEnv({ SHOPIFY_APP_BRIDGE_URL: '', SHOPIFY_ADMIN_UI_ORIGIN: '' });
    expect(env.SHOPIFY_APP_BRIDGE_URL).toBe('https://cdn.shopify.com/shopifycloud/app-bridge.js');
    expect(env.SHOPIFY_ADMIN_UI_ORIGIN).toBe('https://admin.shopify.com');
  });

  it('keeps only the origin of the admin URL', () => {
    expect(parseEnv({ SHOPIFY_ADMIN_UI_ORIGIN: 'http://127.0.0.1:4010/store/x' }).SHOPIFY_ADMIN_UI_ORIGIN).toBe('http://127.0.0.1:4010');
  });

  it('refuses plain http in production except on loopback (the demo shop)', () => {
    expect(() => parseEnv({ ...production, SHOPIFY_ADMIN_UI_ORIGIN: 'http://admin.example' })).toThrow(/SHOPIFY_ADMIN_UI_ORIGIN must be an https URL/);
    expect(() => parseEnv({ ...production, SHOPIFY_APP_BRIDGE_URL: 'http://cdn.example/app-bridge.js' })).toThrow(
      /SHOPIFY_APP_BRIDGE_URL must be an https URL/,
    );
    expect(
      parseEnv({ ...production, SHOPIFY_ADMIN_UI_ORIGIN: 'http://127.0.0.1:4010', SHOPIFY_APP_BRIDGE_URL: 'http://127.0.0.1:4010/app-bridge.js' })
        .SHOPIFY_ADMIN_UI_ORIGIN,
    ).toBe('http://127.0.0.1:4010');
  });
});
