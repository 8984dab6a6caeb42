import { describe, expect, it } from 'vitest';
import { connectShop } from './connect-shop';
import { ACME_INFO, createFakeShopDeps } from '../../../test/support/fake-shop-deps';

const TOKEN = 'shpat_0123456789abcdef';

describe('connectShop', () => {
  it('proves the token with one Admin API call and stores what Shopify reports', async () => {
    const fake = createFakeShopDeps({ tokens: { [TOKEN]: ACME_INFO } });
    const result = await connectShop(fake.deps, { domain: 'https://Acme.myshopify.com/', token: TOKEN, webhookSecret: 'whsec_12345678' });
    expect(result).toMatchObject({
      ok: true,
      created: true,
      shop: { domain: 'acme.myshopify.com', name: 'Acme Outdoors', timezone: 'America/New_York', currency: 'USD' },
    });
    expect(fake.shopInfoCalls).toHaveLength(1);
    expect(fake.shopInfoCalls[0]).toMatchObject({ domain: 'acme.myshopify.com', apiOrigin: 'https://acme.myshopify.com', accessToken: TOKEN });
    expect(fake.saved).toEqual([expect.objectContaining({ accessToken: TOKEN, webhookSecret: 'whsec_12345678', apiOrigin: 'https://acme.myshopify.com' })]);
  });

  it('uses the origin template when no origin is given, and an explicit origin over it', async () => {
    const fake = createFakeShopDeps({ tokens: { [TOKEN]: ACME_INFO } });
    fake.deps.adminOriginTemplate = 'http://127.0.0.1:4010/shops/{shop}';
    await connectShop(fake.deps, { domain: 'acme', token: TOKEN });
    await connectShop(fake.deps, { domain: 'acme', token: TOKEN, apiOrigin: 'http://127.0.0.1:9/x/' });
    expect(fake.saved.map((input) => input.apiOrigin)).toEqual(['http://127.0.0.1:4010/shops/acme.myshopify.com', 'http://127.0.0.1:9/x']);
  });

  it('keeps the id of a shop that is reconnected', async () => {
    const fake = createFakeShopDeps({ tokens: { [TOKEN]: ACME_INFO } });
    const first = await connectShop(fake.deps, { domain: 'acme', token: TOKEN });
    const second = await connectShop(fake.deps, { domain: 'acme', token: TOKEN });
    expect(second).toMatchObject({ ok: true, created: false });
    expect(first.ok && second.ok && second.shop.id === first.shop.id).toBe(true);
    expect(fake.shopInfoCalls[1]?.shopId).toBe(first.ok ? first.shop.id : undefined);
    // A new shop gets the id its deps mint, before the Admin API call; a reconnect mints none.
    expect(first).toMatchObject({ ok: true, shop: { id: 'shop-id-1' } });
    expect(fake.shopInfoCalls.map((call) => call.shopId)).toEqual(['shop-id-1', 'shop-id-1']);
    expect(fake.saved.map((input) => input.id)).toEqual(['shop-id-1', 'shop-id-1']);
  });

  it.each([
    [{ domain: 'evil.com', token: TOKEN }, 'invalid_domain'],
    [{ domain: 'acme.myshopify.com.evil.com', token: TOKEN }, 'invalid_domain'],
    [{ domain: 'acme', token: TOKEN, apiOrigin: 'ftp://x' }, 'invalid_origin'],
    [{ domain: 'acme', token: TOKEN, apiOrigin: 'http://x.test/?q=1' }, 'invalid_origin'],
    [{ domain: 'acme', token: '' }, 'invalid_token'],
    [{ domain: 'acme', token: 'shpat_abc\r\nX-Evil: 1' }, 'invalid_token'],
    [{ domain: 'acme', token: 'short' }, 'invalid_token'],
    [{ domain: 'acme', token: TOKEN, webhookSecret: 'has space in it' }, 'invalid_token'],
    [{ domain: 'acme', token: 'shpat_wrongwrongwrong' }, 'token_rejected'],
  ] as const)('writes nothing for %j (%s)', async (input, reason) => {
    const fake = createFakeShopDeps({ tokens: { [TOKEN]: ACME_INFO } });
    const result = await connectShop(fake.deps, input);
    expect(result).toMatchObject({ ok: false, reason });
    expect(fake.saved).toEqual([]);
    if (reason !== 'token_rejected') expect(fake.shopInfoCalls).toEqual([]);
  });

  it.each([
    [{ kind: 'forbidden' }, 'token_rejected'],
    [{ kind: 'timeout' }, 'unreachable'],
    [{ kind: 'unavailable' }, 'unreachable'],
    [{ kind: 'bad_response' }, 'unreachable'],
    [new TypeError('fetch failed'), 'unreachable'],
  ])('maps an Admin API failure %j to %s and writes nothing', async (error, reason) => {
    const fake = createFakeShopDeps({ fail: error });
    const result = await connectShop(fake.deps, { domain: 'acme', token: TOKEN });
    expect(result).toMatchObject({ ok: false, reason });
    expect(fake.saved).toEqual([]);
  });

  it('refuses a token that belongs to another shop', async () => {
    const fake = createFakeShopDeps({ tokens: { [TOKEN]: { ...ACME_INFO, domain: 'other.myshopify.com' } } });
    const result = await connectShop(fake.deps, { domain: 'acme', token: TOKEN });
    expect(result).toMatchObject({ ok: false, reason: 'token_rejected' });
    expect(fake.saved).toEqual([]);
  });
});
