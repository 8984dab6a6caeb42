import { describe, expect, it } from 'vitest';
import { emailsMatch, maskEmail, normalizeEmail } from './normalize-email';

describe('normalizeEmail', () => {
  it.each([
    ['jane.doe@example.com', 'jane.doe@example.com'],
    ['  Jane.Doe@Example.COM ', 'jane.doe@example.com'],
    ['ＪＡＮＥ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'jane@example.com'],
    ['jane\u200B@example.com', 'jane@example.com'],
    ['\tjohn+shop@x.com\n', 'john+shop@x.com'],
    ['zoe.ﬁsh@example.com', 'zoe.fish@example.com'],
    ['user@bücher.de', 'user@bücher.de'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeEmail(input)).toEqual({ ok: true, email: expected });
  });

  it.each([
    ["liam.o'connor@example.ie", "liam.o'connor@example.ie"],
    ['Liam.O\u2019Connor@Example.ie', "liam.o'connor@example.ie"],
    ['liam.o\u2018connor@example.ie', "liam.o'connor@example.ie"],
    ['liam.o\u02BCconnor@example.ie', "liam.o'connor@example.ie"],
    ["!#$%&'*+-/=?^_`{|}~@example.com", "!#$%&'*+-/=?^_`{|}~@example.com"],
    ['"john doe"@example.com', '"john doe"@example.com'],
    ['"a@b"@example.com', '"a@b"@example.com'],
    ['josé.núñez@correo.es', 'josé.núñez@correo.es'],
    ['用户@例子.广告', '用户@例子.广告'],
    ['user@XN--BCHER-KVA.DE', 'user@bücher.de'],
    ['user@Bücher.de', 'user@bücher.de'],
  ])('accepts RFC 5322 / RFC 6531 address %j as %j', (input, expected) => {
    expect(normalizeEmail(input)).toEqual({ ok: true, email: expected });
  });

  it('compares an internationalised domain in one form whether typed as Unicode or punycode', () => {
    expect(emailsMatch('anna@bücher.de', 'ANNA@xn--bcher-kva.de')).toBe(true);
    expect(emailsMatch('liam.o\u2019connor@example.ie', "Liam.O'Connor@example.ie")).toBe(true);
    expect(emailsMatch('liam.oconnor@example.ie', "liam.o'connor@example.ie")).toBe(false);
  });

  it('composes decomposed accents (NFKC) so both spellings compare equal', () => {
    const decomposed = 'zoe\u0308@example.com';
    const composed = 'zo\u00EB@example.com';
    expect(normalizeEmail(decomposed)).toEqual(normalizeEmail(composed));
  });

  it.each([
    '',
    '   ',
    'jane',
    'jane@',
    '@example.com',
    'jane@example',
    'ja ne@example.com',
    'jane@@example.com',
    'a@b@example.com',
    'jane@-example.com',
    'jane@example..com',
    '"unclosed@example.com',
    '"a"b@example.com',
    'a"b"@example.com',
    'jane@xn--.com',
    '.jane@example.com',
    'jane..doe@example.com',
    'jane<script>@example.com',
    'jane@exa mple.com',
  ])('rejects %j', (input) => {
    expect(normalizeEmail(input).ok).toBe(false);
  });

  it('gives reasons', () => {
    expect(normalizeEmail(' ')).toEqual({ ok: false, reason: 'empty' });
    expect(normalizeEmail(`${'a'.repeat(250)}@example.com`)).toEqual({ ok: false, reason: 'too_long' });
    expect(normalizeEmail('nope')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('emailsMatch', () => {
  it('matches across case, whitespace and full-width forms', () => {
    expect(emailsMatch('JANE.DOE@EXAMPLE.COM', 'jane.doe@example.com')).toBe(true);
    expect(emailsMatch(' jane.doe@example.com ', 'Jane.Doe@Example.com')).toBe(true);
    expect(emailsMatch('ｊａｎｅ.ｄｏｅ＠example.com', 'jane.doe@example.com')).toBe(true);
    expect(emailsMatch('mixed.case@example.com', 'Mixed.Case@Example.COM')).toBe(true);
  });

  it('keeps +tags and dots significant and never matches a missing email', () => {
    expect(emailsMatch('john@x.com', 'john+shop@x.com')).toBe(false);
    expect(emailsMatch('john+shop@x.com', 'john@x.com')).toBe(false);
    expect(emailsMatch('janedoe@example.com', 'jane.doe@example.com')).toBe(false);
    expect(emailsMatch('jane.doe@example.co', 'jane.doe@example.com')).toBe(false);
    expect(emailsMatch('jane.doe@example.com', null)).toBe(false);
    expect(emailsMatch('', '')).toBe(false);
    expect(emailsMatch('not an email', 'not an email')).toBe(false);
  });
});

describe('maskEmail', () => {
  it.each([
    ['jane.doe@example.com', 'j***@example.com'],
    ['J@X.COM', 'j***@x.com'],
    ['zoë@example.com', 'z***@example.com'],
    ['😀x@example.com', '😀***@example.com'],
    ['garbage', '***'],
  ])('%j → %j', (input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });

  it('returns null without an email', () => {
    expect(maskEmail(null)).toBeNull();
    expect(maskEmail('')).toBeNull();
  });
});
