import { describe, expect, it } from 'vitest';
import { SESSION_TOKEN_CLOCK_SKEW_SECONDS, signSessionToken, verifySessionToken } from './session-token';

const SECRET = 'test-client-secret';
const API_KEY = 'test-client-id';
const SHOP = 'acme-outdoors.myshopify.com';
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const nowS = Math.floor(NOW / 1000);

function claims(overrides: Record<string, unknown> = {}) {
  return {
    iss: `https://${SHOP}/admin`,
    dest: `https://${SHOP}`,
    aud: API_KEY,
    sub: '42',
    exp: nowS + 50,
    nbf: nowS - 10,
    iat: nowS - 10,
    jti: '3c0a3e1d-1c1b-4b5a-9a61-0c1e4c1c9d11',
    sid: 'f1e2d3c4b5a6',
    ...overrides,
  };
}
const verify = (token: string, extra: { expectedShop?: string; nowMs?: number } = {}) =>
  verifySessionToken(token, { apiKey: API_KEY, apiSecret: SECRET, nowMs: extra.nowMs ?? NOW, expectedShop: extra.expectedShop });
const reason = (token: string, extra?: { expectedShop?: string; nowMs?: number }) => {
  const result = verify(token, extra);
  return result.ok ? 'ok' : result.reason;
};

describe('verifySessionToken', () => {
  it('accepts a token Shopify admin would mint and returns the shop and staff id', () => {
    const result = verify(signSessionToken(claims(), SECRET), { expectedShop: SHOP });
    expect(result).toEqual({ ok: true, claims: { shop: SHOP, userId: '42', sessionId: 'f1e2d3c4b5a6', expiresAt: nowS + 50 } });
  });

  it('refuses an expired token, but tolerates the documented clock skew', () => {
    const token = signSessionToken(claims({ exp: nowS - 1 }), SECRET);
    expect(reason(token)).toBe('ok');
    expect(reason(token, { nowMs: NOW + (SESSION_TOKEN_CLOCK_SKEW_SECONDS - 1) * 1000 })).toBe('ok');
    expect(reason(token, { nowMs: NOW + (SESSION_TOKEN_CLOCK_SKEW_SECONDS + 2) * 1000 })).toBe('expired');
    expect(reason(signSessionToken(claims({ exp: nowS - 3600 }), SECRET))).toBe('expired');
  });

  it('refuses a token that is not valid yet', () => {
    expect(reason(signSessionToken(claims({ nbf: nowS + SESSION_TOKEN_CLOCK_SKEW_SECONDS + 5 }), SECRET))).toBe('not_yet_valid');
    expect(reason(signSessionToken(claims({ nbf: nowS + 5 }), SECRET))).toBe('ok');
  });

  it("refuses another app's token (wrong audience), a list of audiences and a missing one", () => {
    expect(reason(signSessionToken(claims({ aud: 'someone-else' }), SECRET))).toBe('wrong_audience');
    expect(reason(signSessionToken(claims({ aud: [API_KEY, 'someone-else'] }), SECRET))).toBe('wrong_audience');
    expect(reason(signSessionToken(claims({ aud: undefined }), SECRET))).toBe('wrong_audience');
  });

  it('refuses a token for another shop, mismatched iss/dest, and hosts that are not myshopify.com shops', () => {
    const other = 'other-shop.myshopify.com';
    expect(reason(signSessionToken(claims({ iss: `https://${other}/admin`, dest: `https://${other}` }), SECRET), { expectedShop: SHOP })).toBe('wrong_shop');
    expect(reason(signSessionToken(claims({ iss: `https://${other}/admin` }), SECRET))).toBe('wrong_shop');
    expect(reason(signSessionToken(claims({ dest: 'https://evil.example', iss: 'https://evil.example/admin' }), SECRET))).toBe('wrong_shop');
    expect(reason(signSessionToken(claims({ dest: `http://${SHOP}` }), SECRET))).toBe('wrong_shop');
    expect(reason(signSessionToken(claims({ dest: `https://${SHOP}/admin` }), SECRET))).toBe('wrong_shop');
    expect(reason(signSessionToken(claims({ dest: `https://user@${SHOP}` }), SECRET))).toBe('wrong_shop');
    expect(reason(signSessionToken(claims({ iss: `https://${SHOP}` }), SECRET))).toBe('wrong_shop');
  });

  it('refuses unsigned tokens (alg none, empty signature) and other algorithms', () => {
    const unsigned = signSessionToken(claims(), SECRET, { alg: 'none', typ: 'JWT' }).split('.').slice(0, 2).join('.') + '.';
    expect(reason(unsigned)).toBe('unsupported_algorithm');
    const noSignature = signSessionToken(claims(), SECRET).split('.').slice(0, 2).join('.') + '.';
    expect(reason(noSignature)).toBe('bad_signature');
    expect(reason(signSessionToken(claims(), SECRET, { alg: 'HS512', typ: 'JWT' }))).toBe('unsupported_algorithm');
    expect(reason(signSessionToken(claims(), SECRET, { alg: 'RS256', typ: 'JWT' }))).toBe('unsupported_algorithm');
  });

  it('refuses a token re-signed with another key, and a payload swapped under a valid signature', () => {
    expect(reason(signSessionToken(claims(), 'not-our-secret'))).toBe('bad_signature');
    const genuine = signSessionToken(claims(), SECRET).split('.');
    const forged = signSessionToken(claims({ sub: '1', dest: 'https://other-shop.myshopify.com' }), 'x').split('.');
    expect(reason(`${genuine[0]}.${forged[1]}.${genuine[2]}`)).toBe('bad_signature');
    // Same bytes, another spelling: a flipped unused low bit in the last base64url character.
    const sig = genuine[2]!;
    const last = sig.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = alphabet[alphabet.indexOf(last) ^ 1]!;
    expect(Buffer.from(sig.slice(0, -1) + twin, 'base64url').equals(Buffer.from(sig, 'base64url'))).toBe(true);
    expect(reason(`${genuine[0]}.${genuine[1]}.${sig.slice(0, -1)}${twin}`)).toBe('bad_signature');
  });

  it('refuses malformed tokens without throwing', () => {
    for (const bad of ['', 'abc', 'a.b', 'a.b.c.d', '...', '!!.??.##', 'x'.repeat(5000), `${Buffer.from('[]').toString('base64url')}.e30.sig`]) {
      expect(verify(bad).ok).toBe(false);
    }
    expect(reason(signSessionToken(claims({ exp: 'soon' }), SECRET))).toBe('malformed');
    expect(reason(signSessionToken(claims({ exp: undefined }), SECRET))).toBe('malformed');
    expect(reason(signSessionToken(claims({ nbf: 'now' }), SECRET))).toBe('malformed');
  });

  it('reads a GID-spelled staff id as the numeric id the token exchange answers with', () => {
    const result = verify(signSessionToken(claims({ sub: 'gid://shopify/User/42' }), SECRET));
    expect(result.ok && result.claims.userId).toBe('42');
    expect(reason(signSessionToken(claims({ sub: 'gid://shopify/Customer/42' }), SECRET))).toBe('missing_user');
  });

  it('requires the staff member (sub)', () => {
    expect(reason(signSessionToken(claims({ sub: undefined }), SECRET))).toBe('missing_user');
    expect(reason(signSessionToken(claims({ sub: '' }), SECRET))).toBe('missing_user');
    expect(reason(signSessionToken(claims({ sub: '../42' }), SECRET))).toBe('missing_user');
  });
});
