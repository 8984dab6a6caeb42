/**
 * How a shop spells its order names. Shopify builds every order name as `prefix + orderNumber + suffix`
 * (Settings → General → "Order ID format"; default prefix `#`, empty suffix), so two strings describe it.
 * The lookup service learns the format from any one order name of the shop (`learnOrderNameFormat('NT-1001')`)
 * and stores it with the shop; without it, comparisons fall back to "what you typed is what you get".
 */
export interface OrderNameFormat {
  /** Text before the number, exactly as Shopify prints it: `#`, `NT-`, `` (empty). */
  prefix: string;
  /** Text after the number: `` or `-EU`. */
  suffix: string;
}

export const DEFAULT_ORDER_NAME_FORMAT: OrderNameFormat = { prefix: '#', suffix: '' };

/** Order numbers longer than this are not order numbers (Shopify's are < 10 digits in practice). */
export const MAX_ORDER_NUMBER_DIGITS = 15;

export interface SplitName {
  /** Letters and digits before the number, lower-case, separators dropped (`NT-` → `nt`, `#` → ``). */
  prefix: string;
  /** The number without leading zeros (`0` stays `0`). */
  number: string;
  /** Letters and digits after the number, lower-case, separators dropped (`-EU` → `eu`). */
  suffix: string;
  /** The raw text before/after the number (NFKC, trimmed). */
  rawPrefix: string;
  rawSuffix: string;
}

/** Unicode-normalises (full-width `＃１００１` → `#1001`), trims and joins digits separated by spaces. */
export function normalizeReferenceText(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/°/g, 'o') // `n°` → `no`
    .trim()
    .replace(/(\d)[\s\u00A0]+(?=\d)/g, '$1');
}

/** Keeps letters and digits only, lower-cased: the part of a prefix/suffix that carries meaning. */
export function significantText(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Splits a normalised string around its longest run of digits (the first one on ties).
 * Returns null when there is no digit at all.
 */
export function splitAroundNumber(text: string): SplitName | null {
  let best: RegExpExecArray | null = null;
  for (const m of text.matchAll(/\d+/g)) if (!best || m[0].length > best[0].length) best = m as RegExpExecArray;
  if (!best) return null;
  const rawPrefix = text.slice(0, best.index).trim();
  const rawSuffix = text.slice(best.index + best[0].length).trim();
  const number = best[0].replace(/^0+(?=\d)/, '');
  return { prefix: significantText(rawPrefix), number, suffix: significantText(rawSuffix), rawPrefix, rawSuffix };
}

/** Learns a shop's format from one of its order names; falls back to the Shopify default when it has no digits. */
export function learnOrderNameFormat(sampleOrderName: string): OrderNameFormat {
  const text = sampleOrderName.normalize('NFKC').trim();
  const split = splitAroundNumber(text);
  if (!split) return { ...DEFAULT_ORDER_NAME_FORMAT };
  return { prefix: split.rawPrefix, suffix: split.rawSuffix };
}

/** Spells an order number the way the shop does: `formatOrderName({prefix:'NT-',suffix:''}, '1001')` → `NT-1001`. */
export function formatOrderName(format: OrderNameFormat, number: string): string {
  return `${format.prefix}${number}${format.suffix}`;
}

/** The example shown to shoppers ("for example NT-1001"): a realistic number in the shop's own format. */
export function exampleOrderName(format?: OrderNameFormat | null): string {
  return formatOrderName(format ?? DEFAULT_ORDER_NAME_FORMAT, '1001');
}

/**
 * The format to store after seeing an order, or null to keep the stored one. The newest order says how the shop
 * spells names now: a shop connected before its first order learns it later, and a merchant who changes the
 * "Order ID format" is followed, while an older order in an old format never turns it back.
 */
export function relearnOrderNameFormat(
  stored: { format?: OrderNameFormat | null; seenAt?: string | null },
  seen: { orderName: string; placedAt: string },
): OrderNameFormat | null {
  // A format stored before `seenAt` existed has no date to compare with: keep it rather than risk an old order's.
  if (stored.format && (!stored.seenAt || seen.placedAt <= stored.seenAt)) return null;
  const learned = learnOrderNameFormat(seen.orderName);
  if (!splitAroundNumber(seen.orderName.normalize('NFKC'))) return null;
  return stored.format && stored.format.prefix === learned.prefix && stored.format.suffix === learned.suffix ? null : learned;
}
