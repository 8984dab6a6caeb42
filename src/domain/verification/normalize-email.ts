import { domainToASCII, domainToUnicode } from 'node:url';

/**
 * Email handling for shopper verification. Addresses are compared exactly after normalisation: Unicode NFKC
 * (full-width `ｊａｎｅ＠…` → `jane@…`), invisible characters removed, typographic apostrophes (`’`, which phone
 * keyboards type) read as `'`, trimmed, lower-cased, and an internationalised domain in one form (Unicode, so
 * `user@xn--bcher-kva.de` and `user@bücher.de` are the same address). No provider-specific rewriting:
 * `john+shop@x.com` and `j.ohn@gmail.com` are different people as far as we know.
 */
export type NormalizedEmail = { ok: true; email: string } | { ok: false; reason: 'empty' | 'too_long' | 'invalid' };

/** RFC 5321 path limit. */
const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;

// Deliberately simple: one @, a dot-atom local part (every RFC 5322 atext character, UTF-8 per RFC 6531) or a
// quoted one, a dotted domain whose labels do not start or end with a hyphen. It only has to reject junk;
// equality with the order's address decides the rest.
const LOCAL = /^[^\s@"(),:;<>[\\\]\p{Cc}]+$/u;
const QUOTED_LOCAL = /^"(?:[^"\\\p{Cc}]|\\[^\p{Cc}])+"$/u;
const DOMAIN_LABEL = /^(?!-)[\p{L}\p{M}\p{N}-]{1,63}(?<!-)$/u;
/** Apostrophe look-alikes that keyboards and autocorrect type for `'` (NFKC already folds the full-width one). */
export const APOSTROPHE_LOOKALIKES = /[\u2018\u2019\u201B\u02BC\u2032]/g;

/** The domain in one Unicode form (IDNA: `xn--` labels decoded, case and width folded), or null when it is not one. */
function canonicalDomain(domain: string): string | null {
  const ascii = domainToASCII(domain);
  return ascii === '' ? null : domainToUnicode(ascii) || null;
}

/** Normalises and shape-checks a typed email. Pure; never throws. */
export function normalizeEmail(input: string): NormalizedEmail {
  if (input.length > MAX_EMAIL_LENGTH * 4) return { ok: false, reason: 'too_long' };
  const email = input
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(APOSTROPHE_LOOKALIKES, "'")
    .trim()
    .toLowerCase();
  if (email === '') return { ok: false, reason: 'empty' };
  if (email.length > MAX_EMAIL_LENGTH) return { ok: false, reason: 'too_long' };
  const at = email.lastIndexOf('@');
  if (at <= 0) return { ok: false, reason: 'invalid' };
  const local = email.slice(0, at);
  const quoted = QUOTED_LOCAL.test(local);
  if (!quoted && email.indexOf('@') !== at) return { ok: false, reason: 'invalid' };
  const dotAtom = !quoted && LOCAL.test(local) && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
  if (local.length > MAX_LOCAL_LENGTH || !(quoted || dotAtom)) return { ok: false, reason: 'invalid' };
  const domain = canonicalDomain(email.slice(at + 1));
  const labels = domain?.split('.') ?? [];
  if (domain === null || labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) return { ok: false, reason: 'invalid' };
  const canonical = `${local}@${domain}`;
  if (canonical.length > MAX_EMAIL_LENGTH) return { ok: false, reason: 'too_long' };
  return { ok: true, email: canonical };
}

/** True only when both addresses are valid and identical after normalisation. */
export function emailsMatch(typed: string, orderEmail: string | null | undefined): boolean {
  if (!orderEmail) return false;
  const a = normalizeEmail(typed);
  const b = normalizeEmail(orderEmail);
  return a.ok && b.ok && a.email === b.email;
}

/** Masks an address for echoing to the shopper: `jane.doe@example.com` → `j***@example.com`; junk → `***`. */
export function maskEmail(email: string | null | undefined): string | null {
  if (email == null || email.trim() === '') return null;
  const n = normalizeEmail(email);
  if (!n.ok) return '***';
  const at = n.email.lastIndexOf('@');
  const first = Array.from(n.email.slice(0, at))[0] ?? '';
  return `${first}***@${n.email.slice(at + 1)}`;
}
