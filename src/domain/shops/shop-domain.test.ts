import { describe, expect, it } from 'vitest';
import { defaultAdminOrigin, isShopDomain, normalizeApiOrigin, normalizeShopDomain } from './shop-domain';

describe('normalizeShopDomain', () => {
  it.each([
    ['acme.myshopify.com', 'acme.myshopify.com'],
    ['Acme.MyShopify.com', 'acme.myshopify.com'],
    ['  https://acme.myshopify.com/ ', 'acme.myshopify.com'],
    ['http://acme-outdoors.myshopify.com', 'acme-outdoors.myshopify.com'],
    ['acme', 'acme.myshopify.com'],
    ['9lives', '9lives.myshopify.com'],
  ])('accepts %j as %j', (input, expected) => {
    expect(normalizeShopDomain(input)).toBe(expected);
  });

  it.each([
    '',
    'evil.com',
    'acme.myshopify.com.evil.com',
    'acme.myshopify.com:443',
    'https://acme.myshopify.com/admin',
    'acme.myshopify.com?x=1',
    'user@acme.myshopify.com',
    'a.b.myshopify.com',
    '-acme.myshopify.com',
    'acme_store.myshopify.com',
    'myshopify.com',
    '.myshopify.com',
    'acme.myshopify.com.',
    'acme.myshopify.co',
    'acme.myshopify.com/%2e%2e',
    'acme\n.myshopify.com',
    'acme .myshopify.com',
    'ftp://acme.myshopify.com',
    `${'a'.repeat(64)}.myshopify.com`,
  ])('rejects %j', (input) => {
    expect(normalizeShopDomain(input)).toBeNull();
  });
});

describe('isShopDomain (no leniency, for Shopify-signed requests)', () => {
  it('accepts only the exact normalised form', () => {
    expect(isShopDomain('acme.myshopify.com')).toBe(true);
    expect(isShopDomain('Acme.myshopify.com')).toBe(false);
    expect(isShopDomain('acme')).toBe(false);
    expect(isShopDomain('https://acme.myshopify.com')).toBe(false);
    expect(isShopDomain('acme.myshopify.com.evil.com')).toBe(false);
  });
});

describe('normalizeApiOrigin', () => {
  it('keeps a path prefix and trims trailing slashes', () => {
    expect(normalizeApiOrigin('http://127.0.0.1:4010/shops/acme.myshopify.com/')).toBe('http://127.0.0.1:4010/shops/acme.myshopify.com');
    expect(normalizeApiOrigin('https://acme.myshopify.com')).toBe('https://acme.myshopify.com');
    expect(normalizeApiOrigin('HTTPS://Acme.myshopify.com//')).toBe('https://acme.myshopify.com');
  });

  it.each([
    'ftp://x.test',
    'javascript:alert(1)',
    'http://x.test/?a=1',
    'http://x.test/#f',
    'http://u:p@x.test',
    'not a url',
    'http://x.test/a b',
    '//x.test',
    '',
  ])('rejects %j', (input) => {
    expect(normalizeApiOrigin(input)).toBeNull();
  });
});

describe('defaultAdminOrigin', () => {
  it('is https://{shop} without a template', () => {
    expect(defaultAdminOrigin('acme.myshopify.com')).toBe('https://acme.myshopify.com');
  });

  it('fills the {shop} template', () => {
    expect(defaultAdminOrigin('acme.myshopify.com', 'http://127.0.0.1:4010/shops/{shop}/')).toBe('http://127.0.0.1:4010/shops/acme.myshopify.com');
  });

  it('refuses an unvalidated domain or a broken template', () => {
    expect(() => defaultAdminOrigin('evil.com/x')).toThrow();
    expect(() => defaultAdminOrigin('acme.myshopify.com', 'file:///{shop}')).toThrow();
  });
});
