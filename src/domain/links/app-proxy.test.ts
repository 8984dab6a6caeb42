import { describe, expect, it } from 'vitest';
import { buildAppProxyQuery, signAppProxyQuery } from '../../../demo-shop/app-proxy';
import { appProxySigningMessage, signAppProxyMessage, verifyAppProxyQuery } from './app-proxy';

const DOC_QUERY = {
  extra: ['1', '2'],
  shop: 'shop-name.myshopify.com',
  logged_in_customer_id: '1',
  path_prefix: '/apps/awesome_reviews',
  timestamp: '1317327555',
  signature: '4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb',
};
const DOC_NOW = 1317327555 * 1000;

describe('app proxy signatures (shopify-api.md §7 vectors)', () => {
  it('builds the documented signing string and digest', () => {
    expect(appProxySigningMessage(DOC_QUERY)).toBe(
      'extra=1,2logged_in_customer_id=1path_prefix=/apps/awesome_reviewsshop=shop-name.myshopify.comtimestamp=1317327555',
    );
    expect(signAppProxyMessage(appProxySigningMessage(DOC_QUERY), 'hush')).toBe(DOC_QUERY.signature);
  });

  it('accepts the documented request, read from a URL query string too', () => {
    const result = verifyAppProxyQuery(DOC_QUERY, 'hush', DOC_NOW + 30_000);
    expect(result).toEqual({ ok: true, shop: 'shop-name.myshopify.com', loggedInCustomerId: '1', pathPrefix: '/apps/awesome_reviews' });
    const url = new URL(
      'https://proxy.example/proxy/extra/path/components?extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555&signature=4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb',
    );
    expect(verifyAppProxyQuery(url.searchParams, 'hush', DOC_NOW).ok).toBe(true);
  });

  it('matches the anonymous-visitor vector: an empty customer id is signed and means a guest', () => {
    const query = { logged_in_customer_id: '', path_prefix: '/apps/wismo', shop: 'shop-name.myshopify.com', timestamp: '1317327555' };
    expect(signAppProxyMessage(appProxySigningMessage(query), 'hush')).toBe('8cfea3e262dcfe7dd9deaf1189467900b85e7f48dc68be43c6245453fee8b0fd');
    const result = verifyAppProxyQuery({ ...query, signature: '8cfea3e262dcfe7dd9deaf1189467900b85e7f48dc68be43c6245453fee8b0fd' }, 'hush', DOC_NOW);
    expect(result).toMatchObject({ ok: true, loggedInCustomerId: null });
  });

  it('agrees with the demo shop signer', () => {
    const query = buildAppProxyQuery(
      { shop: 'acme-outdoors.myshopify.com', pathPrefix: '/apps/orders', loggedInCustomerId: 42, extra: { a: ['x', 'y'] } },
      's3cret',
    );
    expect(signAppProxyMessage(appProxySigningMessage(query), 's3cret')).toBe(signAppProxyQuery(query, 's3cret'));
    expect(verifyAppProxyQuery(query, 's3cret', Date.now())).toMatchObject({ ok: true, loggedInCustomerId: '42' });
  });

  it('refuses tampering, wrong secrets, stale or future timestamps and duplicated parameters', () => {
    expect(verifyAppProxyQuery({ ...DOC_QUERY, logged_in_customer_id: '2' }, 'hush', DOC_NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyAppProxyQuery({ ...DOC_QUERY, shop: 'other.myshopify.com' }, 'hush', DOC_NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyAppProxyQuery(DOC_QUERY, 'wrong', DOC_NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyAppProxyQuery({ ...DOC_QUERY, signature: DOC_QUERY.signature.slice(0, 10) }, 'hush', DOC_NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    const unsigned: Record<string, string | string[]> = { ...DOC_QUERY };
    delete unsigned.signature;
    expect(verifyAppProxyQuery(unsigned, 'hush', DOC_NOW)).toEqual({ ok: false, reason: 'missing_signature' });
    expect(verifyAppProxyQuery(DOC_QUERY, 'hush', DOC_NOW + 91_000)).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verifyAppProxyQuery(DOC_QUERY, 'hush', DOC_NOW - 91_000)).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verifyAppProxyQuery({ ...DOC_QUERY, shop: ['shop-name.myshopify.com', 'evil.myshopify.com'] }, 'hush', DOC_NOW)).toEqual({
      ok: false,
      reason: 'duplicate_param',
    });
  });
});
