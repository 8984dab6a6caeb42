import { LANGUAGE_WORDS, matchesAnywhere, phrasePattern } from '../i18n/language-words';
import { maskEmail, normalizeEmail } from '../verification/normalize-email';

/**
 * Pulls the two facts verification needs out of free text ("hi its jane@x.com, order 1042 never came").
 * Extraction only proposes: verifyOrder decides, so a wrong guess costs one uniform failure, never access.
 */
// The local part takes every RFC 5322 atext character (`o'connor`, `a+b`, `{x}`), UTF-8 letters, the typographic
// apostrophe a phone types, or a quoted string; it may not *start* with an apostrophe, so an address written
// in quotes ('jane@x.com') is read without them. The domain ends in a letter or digit, so `.`, `'` and `’`
// after it are punctuation.
// Japanese is written without spaces ("メールはjane@example.comです"): kana and CJK punctuation end an address
// (ideographs do not: they are letters of internationalised addresses such as 用户@例子.广告).
const CJK = String.raw`\u3000-\u303f\u3040-\u30ff\uff00-\uffef`;
const LOCAL_ATOM = String.raw`[^\s@<>()[\]"',;:\u2018\u2019${CJK}][^\s@<>()[\]",;:${CJK}]*`;
const LOCAL_QUOTED = String.raw`"[^"\r\n\\]{1,62}"`;
const DOMAIN = String.raw`[^\s@<>()[\]"',;:\u2018\u2019${CJK}]+\.[^\s@<>()[\]"',;:\u2018\u2019${CJK}]*(?:(?![${CJK}])[\p{L}\p{N}])`;
const EMAIL_PATTERN = new RegExp(`(?:${LOCAL_QUOTED}|${LOCAL_ATOM})@${DOMAIN}`, 'gu');

/**
 * Words that announce an order number: English and the abbreviations shoppers use everywhere here, every other
 * language's from its message file (`understand.orderWords`: "Bestellung 1001", "commande n° 1001",
 * "pedido #1001", "注文番号 1001"). After one of them a short number counts too.
 */
const KEYWORD = String.raw`order|orders|ordernumber|order\s*id|order\s*no|number|no|nr|num|ref|reference`;
/** After the keyword: `n°`, `nº`, `no.`, `nr.`, `número`, or a verb ("is", "ist", "est", "es", "è", "é"). */
const KEYWORD_TAIL = String.raw`\.?\s*(?:(?:n[°º]|nº|n\.|no\.?|nr\.?|num\.?|número|numero|nummer)\s*)?(?:(?:is|ist|est|es|è|é|:)\s*)?`;
/** After a keyword in a script without spaces: Japanese particles and colons ("注文番号は1001"). */
const UNSPACED_TAIL = String.raw`\s*(?:は|が|：|:)?\s*`;

function referencePattern(orderWords: readonly string[]): RegExp {
  const words = [...new Set(orderWords)];
  const spaced = [KEYWORD, ...words.filter((word) => !matchesAnywhere(word)).map(phrasePattern)].join('|');
  const unspaced = words.filter(matchesAnywhere).map(phrasePattern);
  const keyword = [
    `(?:(?<![\\p{L}\\p{N}])(?:${spaced})(?![\\p{L}\\p{N}])${KEYWORD_TAIL})`,
    ...(unspaced.length > 0 ? [`(?:${unspaced.join('|')})${UNSPACED_TAIL}`] : []),
  ].join('|');
  return new RegExp(String.raw`(?<keyword>${keyword})?(?<hash>[#№])?\s*(?<prefix>\b[A-Za-z]{1,4}-?)?(?<digits>(?<!\d)\d+)(?<suffix>-[A-Za-z]{1,4}\b)?`, 'giu');
}

/** The first plausible email in the text, normalised (lower-case, NFKC), or null. */
export function extractEmail(text: string): string | null {
  for (const match of text.normalize('NFKC').matchAll(EMAIL_PATTERN)) {
    const normalized = normalizeEmail(match[0].replace(/^[.]+|[.]+$/g, ''));
    if (normalized.ok) return normalized.email;
  }
  return null;
}

/** Replaces every email address in the text by its masked form (`j***@example.com`): what we store. */
export function redactEmails(text: string): string {
  return text.replace(EMAIL_PATTERN, (found) => maskEmail(found) ?? '***');
}

type Candidate = { text: string; score: number };

/**
 * The most plausible order reference in free text (`#1042`, `order 1042`, `NT-1180`, `1055-EU`, `＃１０４２`), as
 * typed, for parseOrderReference; null when nothing looks like one. Numbers inside emails, prices, times and
 * long digit runs (phones, tracking numbers) are ignored; a bare number needs 3+ digits.
 */
export function orderReferenceExtractor(orderWords: readonly string[]): (text: string) => string | null {
  const pattern = referencePattern(orderWords);
  return (text) => {
    const withoutEmails = text.normalize('NFKC').replace(EMAIL_PATTERN, ' ');
    const candidates: Candidate[] = [];
    for (const match of withoutEmails.matchAll(pattern)) {
      const groups = match.groups ?? {};
      const digits = groups.digits ?? '';
      if (digits.length === 0 || digits.length > 12) continue;
      const start = match.index ?? 0;
      const before = withoutEmails.slice(Math.max(0, start - 1), start + (groups.keyword?.length ?? 0));
      const after = withoutEmails.slice(start + match[0].length, start + match[0].length + 6);
      // Money, times, decimals, quantities and dates are not order numbers.
      if (/[$€£¥]\s*$/.test(before) || /^\s*(?:[.,:/]\d|%|\s*(?:am|pm|days?|weeks?|hours?|items?|pcs|x\b|usd|eur|gbp|kg|cm))/i.test(after)) continue;
      if (/\d[.,:/]$/.test(withoutEmails.slice(Math.max(0, start - 2), start))) continue;
      // One group of a spaced-out phone or tracking number.
      const digitsAt = start + match[0].indexOf(digits);
      if (/\d\s+$/.test(withoutEmails.slice(Math.max(0, digitsAt - 3), digitsAt)) || /^\s\d/.test(after)) continue;
      const explicit = Boolean(groups.keyword || groups.hash);
      const prefix = groups.prefix && !/^(?:no|nr|is|it|on|at|in|of|or|to|my|id)-?$/i.test(groups.prefix) ? groups.prefix : '';
      if (!explicit && !prefix && digits.length < 3) continue;
      const typed = `${groups.hash ?? ''}${prefix}${digits}${groups.suffix ?? ''}`;
      candidates.push({ text: typed, score: (explicit ? 2 : 0) + (prefix || groups.suffix ? 1 : 0) + (digits.length >= 4 ? 1 : 0) });
    }
    candidates.sort((a, b) => b.score - a.score);
    return candidates[0]?.text ?? null;
  };
}

/** The most plausible order reference in free text, in any supported language (see orderReferenceExtractor). */
export const extractOrderReference: (text: string) => string | null = orderReferenceExtractor(
  [...LANGUAGE_WORDS.values()].flatMap((words) => words.orderWords),
);
