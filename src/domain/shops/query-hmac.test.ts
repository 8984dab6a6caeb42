import { describe, expect, it } from 'vitest';
import { isFreshTimestamp, queryHmacMessage, signQuery, verifyQueryHmac } from './query-hmac';

// Shopify's documented OAuth callback example (shopify-api.md §5.3).
const VECTOR =
  'code=0907a61c0c8d55e99db179b68161bc00&hmac=700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf&shop=some-shop.myshopify.com&state=0.6784241404160823&timestamp=1337178173';

describe('Shopify admin-request hmac', () => {
  it('passes the documented test vector', () => {
    const query = new URLSearchParams(VECTOR);
    expect(queryHmacMessage(query)).toBe('code=0907a61c0c8d55e99db179b68161bc00&shop=some-shop.myshopify.com&state=0.6784241404160823&timestamp=1337178173');
    expect(signQuery(query, 'hush')).toBe('700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf');
    expect(verifyQueryHmac(query, 'hush')).toBe(true);
  });

  it('does not depend on parameter order, and ignores `signature`', () => {
    const query = new URLSearchParams(
      'timestamp=1337178173&state=0.6784241404160823&signature=whatever&shop=some-shop.myshopify.com&hmac=700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf&code=0907a61c0c8d55e99db179b68161bc00',
    );
    expect(verifyQueryHmac(query, 'hush')).toBe(true);
  });

  it('rejects a wrong secret, any changed value, an added parameter, a missing or doubled hmac', () => {
    expect(verifyQueryHmac(new URLSearchParams(VECTOR), 'hush2')).toBe(false);
    expect(verifyQueryHmac(new URLSearchParams(VECTOR.replace('some-shop', 'evil-shop')), 'hush')).toBe(false);
    expect(verifyQueryHmac(new URLSearchParams(`${VECTOR}&extra=1`), 'hush')).toBe(false);
    expect(verifyQueryHmac(new URLSearchParams(VECTOR.replace(/hmac=[0-9a-f]+&/, '')), 'hush')).toBe(false);
    expect(verifyQueryHmac(new URLSearchParams(`${VECTOR}&hmac=00`), 'hush')).toBe(false);
    expect(verifyQueryHmac(new URLSearchParams(VECTOR.replace('hmac=700e', 'hmac=700f')), 'hush')).toBe(false);
    expect(verifyQueryHmac(new URLSearchParams(VECTOR.replace(/hmac=[0-9a-f]+/, 'hmac=')), 'hush')).toBe(false);
  });

  it('percent-encodes spaces as %20 in the signed message', () => {
    const query = new URLSearchParams({ shop: 'a.myshopify.com', note: 'a b+c&d' });
    expect(queryHmacMessage(query)).toBe('note=a%20b%2Bc%26d&shop=a.myshopify.com');
  });
});

describe('isFreshTimestamp', () => {
  const now = 1_800_000_000_000;
  it('accepts within 90 s either way and refuses beyond or garbage', () => {
    expect(isFreshTimestamp(String(now / 1000 - 90), now)).toBe(true);
    expect(isFreshTimestamp(String(now / 1000 + 60), now)).toBe(true);
    expect(isFreshTimestamp(String(now / 1000 - 91), now)).toBe(false);
    expect(isFreshTimestamp('1337178173', now)).toBe(false);
    expect(isFreshTimestamp(null, now)).toBe(false);
    expect(isFreshTimestamp('1.8e9', now)).toBe(false);
  });
});
