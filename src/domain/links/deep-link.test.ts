import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deepLinkSecretFor, signDeepLink, verifyDeepLink, MAX_DEEP_LINK_LIFETIME_SECONDS } from './deep-link';
import { buildLiquidSnippet } from './liquid-snippet';

const SECRET = 'shop-secret-from-settings';
const NOW = new Date('2025-03-05T12:00:00Z');
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

/**
 * A tiny Liquid evaluator for exactly the constructs our snippet uses, with Shopify's semantics: `'now' | date:
 * '%s'` is the render time in Unix seconds (a string), `plus` makes an integer, `append` concatenates strings,
 * `hmac_sha256` is Ruby's OpenSSL::HMAC.hexdigest('sha256', key, input) (lowercase hex).
 */
function renderLiquid(template: string, variables: Record<string, string | number>, now: Date): string {
  const scope: Record<string, string | number> = { ...variables };
  const literal = (token: string): string | number => {
    const quoted = /^'(.*)'$/.exec(token);
    if (quoted) return quoted[1]!;
    if (/^\d+$/.test(token)) return Number(token);
    if (!(token in scope)) throw new Error(`unknown variable ${token}`);
    return scope[token]!;
  };
  const evaluate = (expression: string): string | number => {
    const [head, ...filters] = expression.split('|').map((part) => part.trim());
    let value = literal(head!);
    for (const filter of filters) {
      const [name, arg] = filter.split(/:\s*/, 2) as [string, string | undefined];
      const argument = arg === undefined ? undefined : literal(arg.trim());
      if (name === 'date' && value === 'now' && argument === '%s') value = String(Math.floor(now.getTime() / 1000));
      else if (name === 'plus') value = Number(value) + Number(argument);
      else if (name === 'append') value = `${value}${argument}`;
      else if (name === 'hmac_sha256') value = createHmac('sha256', String(argument)).update(String(value)).digest('hex');
      else throw new Error(`unsupported filter ${name}`);
    }
    return value;
  };
  let output = '';
  for (const line of template.split('\n')) {
    const assign = /^\{%-?\s*assign (\w+) = (.+?)\s*-?%\}$/.exec(line);
    if (assign) scope[assign[1]!] = evaluate(assign[2]!);
    else output += line.replace(/\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => String(evaluate(expression)));
  }
  return output;
}

describe('deep link signature', () => {
  it('matches an independently computed HMAC-SHA256 (openssl dgst -sha256 -hmac), lowercase hex', () => {
    const token = signDeepLink(SECRET, { orderId: '5512345001282', expiresAt: new Date(1_900_000_000_000) });
    expect(token).toBe('5512345001282.1900000000.990d7c2b6ee3a91d24b417688aa07d31e6633f2f4c163a0de54bed66f0aced73');
  });

  it('accepts the link our Liquid snippet renders, exactly as Shopify would render it', () => {
    const snippet = buildLiquidSnippet({ appUrl: 'https://status.example.com/', shopDomain: 'acme-outdoors.myshopify.com', secret: SECRET });
    const html = renderLiquid(snippet, { id: 5512345001282 }, NOW);
    const href = /href="([^"]+)"/.exec(html)?.[1];
    expect(href).toMatch(/^https:\/\/status\.example\.com\/t\/acme-outdoors\.myshopify\.com\/o\/5512345001282\.\d+\.[0-9a-f]{64}$/);
    const token = href!.split('/o/')[1]!;
    const check = verifyDeepLink(SECRET, token, NOW);
    expect(check).toEqual({ ok: true, orderId: '5512345001282', expiresAt: inDays(90) });
    // The mail is opened later: still valid after 89 days, not after 91.
    expect(verifyDeepLink(SECRET, token, inDays(89)).ok).toBe(true);
    expect(verifyDeepLink(SECRET, token, inDays(91))).toEqual({ ok: false, reason: 'expired' });
  });

  it('accepts uppercase hex (some mail clients rewrite links) but nothing else', () => {
    const token = signDeepLink(SECRET, { orderId: '42', expiresAt: inDays(1) });
    const [id, exp, sig] = token.split('.') as [string, string, string];
    expect(verifyDeepLink(SECRET, `${id}.${exp}.${sig.toUpperCase()}`, NOW).ok).toBe(true);
  });
});

describe('deep link tampering and expiry', () => {
  const token = signDeepLink(SECRET, { orderId: '5512345001282', expiresAt: inDays(30) });
  const [orderId, expires, sig] = token.split('.') as [string, string, string];

  it('rejects another order id, a later expiry or a flipped signature character', () => {
    expect(verifyDeepLink(SECRET, `5512345001283.${expires}.${sig}`, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyDeepLink(SECRET, `${orderId}.${Number(expires) + 1}.${sig}`, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    const flipped = `${sig.slice(0, 10)}${sig[10] === 'a' ? 'b' : 'a'}${sig.slice(11)}`;
    expect(verifyDeepLink(SECRET, `${orderId}.${expires}.${flipped}`, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it("rejects another shop's link: each shop has its own secret", () => {
    const key = randomBytes(32);
    const acme = deepLinkSecretFor(key, { domain: 'acme-outdoors.myshopify.com' });
    const nordic = deepLinkSecretFor(key, { domain: 'nordic-threads.myshopify.com' });
    expect(acme).toMatch(/^[0-9a-f]{64}$/);
    expect(acme).not.toBe(nordic);
    const acmeLink = signDeepLink(acme, { orderId: '1', expiresAt: inDays(1) });
    expect(verifyDeepLink(nordic, acmeLink, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyDeepLink(acme, acmeLink, NOW).ok).toBe(true);
  });

  it('rotates with the secret version and stays stable otherwise', () => {
    const key = randomBytes(32);
    const v1 = deepLinkSecretFor(key, { domain: 'acme-outdoors.myshopify.com' });
    expect(deepLinkSecretFor(key, { domain: 'ACME-outdoors.myshopify.com', version: 1 })).toBe(v1);
    const v2 = deepLinkSecretFor(key, { domain: 'acme-outdoors.myshopify.com', version: 2 });
    expect(verifyDeepLink(v2, signDeepLink(v1, { orderId: '1', expiresAt: inDays(1) }), NOW)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('rejects expired links, the exact expiry second, and links that claim to live too long', () => {
    const past = signDeepLink(SECRET, { orderId: '1', expiresAt: new Date(NOW.getTime() - 1000) });
    expect(verifyDeepLink(SECRET, past, NOW)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyDeepLink(SECRET, signDeepLink(SECRET, { orderId: '1', expiresAt: NOW }), NOW)).toEqual({ ok: false, reason: 'expired' });
    const far = signDeepLink(SECRET, { orderId: '1', expiresAt: new Date(NOW.getTime() + (MAX_DEEP_LINK_LIFETIME_SECONDS + 60) * 1000) });
    expect(verifyDeepLink(SECRET, far, NOW)).toEqual({ ok: false, reason: 'too_far_ahead' });
  });

  it.each([
    '',
    'abc',
    `${orderId}.${expires}`,
    `${orderId}.${expires}.${sig}.extra`,
    `${orderId}.${expires}.${sig.slice(1)}`,
    `-1.${expires}.${sig}`,
    `${orderId}.${expires}.${sig.replace(/^./, 'g')}`,
    `${orderId} .${expires}.${sig}`,
    `gid://shopify/Order/${orderId}.${expires}.${sig}`,
    `${orderId}.${expires}.${sig}\n`,
  ])('treats %j as malformed', (input) => {
    expect(verifyDeepLink(SECRET, input, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('never verifies with an empty secret', () => {
    const unsigned = signDeepLink('', { orderId: '1', expiresAt: inDays(1) });
    expect(verifyDeepLink('', unsigned, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });
});
