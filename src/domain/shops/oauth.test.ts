import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ACME_INFO, createFakeShopDeps } from '../../../test/support/fake-shop-deps';
import { beginInstall, completeInstall, type CompleteInstallDeps, type OAuthAppConfig } from './oauth';
import { createOAuthState, readOAuthState } from './oauth-state';
import { signQuery } from './query-hmac';

const NOW = 1_800_000_000_000;
const SHOP = 'acme.myshopify.com';
const TOKEN = 'shpat_fromoauth_0123456789';

function setup(overrides: Partial<OAuthAppConfig> = {}) {
  const config: OAuthAppConfig = {
    apiKey: 'client-id',
    apiSecret: 'client-secret',
    scopes: 'read_orders,read_fulfillments',
    appUrl: 'https://app.example/',
    stateKey: randomBytes(32),
    now: () => NOW,
    randomBytes: (size) => randomBytes(size),
    ...overrides,
  };
  const fake = createFakeShopDeps({ tokens: { [TOKEN]: ACME_INFO } });
  const exchanges: unknown[] = [];
  const deps: CompleteInstallDeps = {
    ...fake.deps,
    exchangeCode: async (request) => {
      exchanges.push(request);
      if (request.code !== 'good-code') throw new Error('invalid code');
      return { accessToken: TOKEN, scope: 'read_orders' };
    },
  };
  return { config, deps, fake, exchanges };
}

/** Signs a callback query the way Shopify does. */
function callbackQuery(params: Record<string, string>, secret = 'client-secret'): URLSearchParams {
  const query = new URLSearchParams({ code: 'good-code', timestamp: String(NOW / 1000), ...params });
  query.set('hmac', signQuery(query, secret));
  return query;
}

describe('beginInstall', () => {
  it('redirects to the shop authorize screen with a state bound to a signed cookie', () => {
    const { config } = setup({ adminOriginTemplate: 'http://127.0.0.1:4010/shops/{shop}' });
    const result = beginInstall(config, new URLSearchParams({ shop: 'Acme.myshopify.com' }));
    if (!result.ok) throw new Error(result.message);
    const url = new URL(result.redirectUrl);
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:4010/shops/acme.myshopify.com/admin/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe('client-id');
    expect(url.searchParams.get('scope')).toBe('read_orders,read_fulfillments');
    expect(url.searchParams.get('redirect_uri')).toBe('https://app.example/api/shopify/callback');
    const state = readOAuthState(result.cookie.value, config.stateKey, NOW);
    expect(state).toEqual({ nonce: url.searchParams.get('state'), shop: SHOP });
    expect(result.cookie.maxAgeSeconds).toBe(600);
    expect(readOAuthState(result.cookie.value, config.stateKey, NOW + 601_000)).toBeNull();
  });

  it('takes the state nonce from 24 bytes of the randomness it is given', () => {
    const sizes: number[] = [];
    const { config } = setup({ randomBytes: (size) => (sizes.push(size), Buffer.alloc(size, 7)) });
    const result = beginInstall(config, new URLSearchParams({ shop: SHOP }));
    if (!result.ok) throw new Error(result.message);
    expect(sizes).toEqual([24]);
    expect(new URL(result.redirectUrl).searchParams.get('state')).toBe(Buffer.alloc(24, 7).toString('base64url'));
    expect(readOAuthState(result.cookie.value, config.stateKey, NOW)).toEqual({ nonce: Buffer.alloc(24, 7).toString('base64url'), shop: SHOP });
  });

  it.each(['evil.com', 'acme.myshopify.com.evil.com', 'acme.myshopify.com/@evil.com', ''])('refuses shop %j', (shop) => {
    const { config } = setup();
    expect(beginInstall(config, new URLSearchParams({ shop }))).toMatchObject({ ok: false, reason: 'invalid_domain', status: 400 });
  });

  it('checks the hmac when the install link carries one', () => {
    const { config } = setup();
    const signed = callbackQuery({ shop: SHOP });
    expect(beginInstall(config, signed).ok).toBe(true);
    signed.set('hmac', '0'.repeat(64));
    expect(beginInstall(config, signed)).toMatchObject({ ok: false, reason: 'bad_hmac' });
  });
});

describe('completeInstall', () => {
  function started(config: OAuthAppConfig, shop = SHOP) {
    return createOAuthState(shop, config.stateKey, NOW - 5000, config.randomBytes);
  }

  it('exchanges the code, proves the token and stores the shop', async () => {
    const { config, deps, fake, exchanges } = setup({ adminOriginTemplate: 'http://127.0.0.1:4010/shops/{shop}' });
    const { nonce, cookieValue } = started(config);
    const result = await completeInstall(config, deps, { query: callbackQuery({ shop: SHOP, state: nonce }), stateCookie: cookieValue });
    expect(result).toMatchObject({ ok: true, shop: { domain: SHOP, name: 'Acme Outdoors', scopes: 'read_orders' } });
    expect(exchanges).toEqual([
      { adminOrigin: 'http://127.0.0.1:4010/shops/acme.myshopify.com', clientId: 'client-id', clientSecret: 'client-secret', code: 'good-code' },
    ]);
    expect(fake.saved).toHaveLength(1);
  });

  type Case = [string, (config: OAuthAppConfig) => { query: URLSearchParams; stateCookie: string | undefined }, string];
  const cases: Case[] = [
    [
      'a bad hmac',
      (c) => {
        const s = started(c);
        const q = callbackQuery({ shop: SHOP, state: s.nonce });
        const h = q.get('hmac')!;
        q.set('hmac', `${h.slice(0, -1)}${h.endsWith('0') ? '1' : '0'}`);
        return { query: q, stateCookie: s.cookieValue };
      },
      'bad_hmac',
    ],
    [
      'an hmac made with another secret',
      (c) => {
        const s = started(c);
        return { query: callbackQuery({ shop: SHOP, state: s.nonce }, 'other'), stateCookie: s.cookieValue };
      },
      'bad_hmac',
    ],
    [
      'a missing hmac',
      (c) => {
        const s = started(c);
        const q = callbackQuery({ shop: SHOP, state: s.nonce });
        q.delete('hmac');
        return { query: q, stateCookie: s.cookieValue };
      },
      'bad_hmac',
    ],
    [
      'a tampered code',
      (c) => {
        const s = started(c);
        const q = callbackQuery({ shop: SHOP, state: s.nonce });
        q.set('code', 'other');
        return { query: q, stateCookie: s.cookieValue };
      },
      'bad_hmac',
    ],
    [
      'a stale timestamp',
      (c) => {
        const s = started(c);
        return { query: callbackQuery({ shop: SHOP, state: s.nonce, timestamp: String(NOW / 1000 - 600) }), stateCookie: s.cookieValue };
      },
      'stale_request',
    ],
    ['a missing state cookie', (c) => ({ query: callbackQuery({ shop: SHOP, state: started(c).nonce }), stateCookie: undefined }), 'bad_state'],
    ['a missing state parameter', (c) => ({ query: callbackQuery({ shop: SHOP }), stateCookie: started(c).cookieValue }), 'bad_state'],
    [
      'a state from another session',
      (c) => ({ query: callbackQuery({ shop: SHOP, state: started(c).nonce }), stateCookie: started(c).cookieValue }),
      'bad_state',
    ],
    [
      'a forged cookie',
      () => {
        const s = createOAuthState(SHOP, randomBytes(32), NOW, randomBytes);
        return { query: callbackQuery({ shop: SHOP, state: s.nonce }), stateCookie: s.cookieValue };
      },
      'bad_state',
    ],
    [
      'an expired cookie',
      (c) => {
        const s = createOAuthState(SHOP, c.stateKey, NOW - 601_000, c.randomBytes);
        return { query: callbackQuery({ shop: SHOP, state: s.nonce }), stateCookie: s.cookieValue };
      },
      'bad_state',
    ],
    [
      'shop evil.com',
      (c) => {
        const s = started(c, 'evil.com');
        return { query: callbackQuery({ shop: 'evil.com', state: s.nonce }), stateCookie: s.cookieValue };
      },
      'invalid_domain',
    ],
    [
      'shop acme.myshopify.com.evil.com',
      (c) => {
        const s = started(c, 'acme.myshopify.com.evil.com');
        return { query: callbackQuery({ shop: 'acme.myshopify.com.evil.com', state: s.nonce }), stateCookie: s.cookieValue };
      },
      'invalid_domain',
    ],
    [
      'a shop other than the one the install started for',
      (c) => {
        const s = started(c, 'other.myshopify.com');
        return { query: callbackQuery({ shop: SHOP, state: s.nonce }), stateCookie: s.cookieValue };
      },
      'bad_state',
    ],
    [
      'a repeated shop parameter',
      (c) => {
        const s = started(c);
        const q = new URLSearchParams({ code: 'good-code', timestamp: String(NOW / 1000), shop: SHOP, state: s.nonce });
        q.append('shop', 'evil.com');
        q.set('hmac', signQuery(q, 'client-secret'));
        return { query: q, stateCookie: s.cookieValue };
      },
      'bad_hmac',
    ],
    [
      'a code Shopify refuses',
      (c) => {
        const s = started(c);
        return { query: callbackQuery({ shop: SHOP, state: s.nonce, code: 'bad-code' }), stateCookie: s.cookieValue };
      },
      'exchange_failed',
    ],
  ];

  it.each(cases)('refuses %s and stores nothing', async (_name, build, reason) => {
    const { config, deps, fake } = setup();
    const result = await completeInstall(config, deps, build(config));
    expect(result).toMatchObject({ ok: false, reason });
    expect(fake.saved).toEqual([]);
  });

  it('refuses a granted token that fails the Admin API check', async () => {
    const { config, deps, fake } = setup();
    deps.exchangeCode = async () => ({ accessToken: 'shpat_revoked_000000', scope: '' });
    const { nonce, cookieValue } = started(config);
    const result = await completeInstall(config, deps, { query: callbackQuery({ shop: SHOP, state: nonce }), stateCookie: cookieValue });
    expect(result).toMatchObject({ ok: false, reason: 'not_connected', status: 400 });
    expect(fake.saved).toEqual([]);
  });
});
