import { describe, expect, it } from 'vitest';
import { DEMO_SHOPIFY_API_SECRET, parseEnv } from './env';

const SECRET = 'x'.repeat(32);

describe('parseEnv', () => {
  it('refuses production without the secrets that sign sessions, webhooks and App Proxy calls', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/APP_SECRET is required[\s\S]*SHOPIFY_API_KEY is required[\s\S]*SHOPIFY_API_SECRET is required/);
    expect(() => parseEnv({ NODE_ENV: 'production', APP_SECRET: SECRET, SHOPIFY_API_KEY: 'key' })).toThrow(/SHOPIFY_API_SECRET is required/);
    const env = parseEnv({ NODE_ENV: 'production', APP_SECRET: SECRET, SHOPIFY_API_KEY: 'key', SHOPIFY_API_SECRET: 'shpss_real' });
    expect(env.SHOPIFY_API_SECRET).toBe('shpss_real');
  });

  it('uses the demo shop credentials outside production only', () => {
    expect(parseEnv({ NODE_ENV: 'development' }).SHOPIFY_API_SECRET).toBe(DEMO_SHOPIFY_API_SECRET);
    expect(parseEnv({ NODE_ENV: 'test', SHOPIFY_API_SECRET: '' }).SHOPIFY_API_SECRET).toBe(DEMO_SHOPIFY_API_SECRET);
  });

  it('refuses a TRUSTED_PROXIES it cannot read, and both address sources at once', () => {
    expect(() => parseEnv({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES: TRUSTED_PROXIES entry is not an IP address/);
    expect(() => parseEnv({ TRUSTED_PROXIES: '1', CLIENT_ADDRESS_HEADER: 'cf-connecting-ip' })).toThrow(/not both/);
    expect(parseEnv({ TRUSTED_PROXIES: ' loopback, 10.0.0.0/8 ' }).TRUSTED_PROXIES).toBe('loopback, 10.0.0.0/8');
  });

  it('rejects a short HEALTH_TOKEN', () => {
    expect(() => parseEnv({ HEALTH_TOKEN: 'short' })).toThrow(/HEALTH_TOKEN must be at least 16/);
  });

  it('rejects a short CRON_SECRET and treats an empty one as unset (cron route off)', () => {
    expect(() => parseEnv({ CRON_SECRET: 'short' })).toThrow(/CRON_SECRET must be at least 16/);
    expect(parseEnv({ CRON_SECRET: '' }).CRON_SECRET).toBeUndefined();
    expect(parseEnv({ CRON_SECRET: 'a-cron-secret-of-enough-length' }).CRON_SECRET).toBe('a-cron-secret-of-enough-length');
  });
});
