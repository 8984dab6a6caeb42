import {
  MAX_ORDER_NUMBER_DIGITS,
  formatOrderName,
  normalizeReferenceText,
  significantText,
  splitAroundNumber,
  type OrderNameFormat,
} from './order-name-format';

/** A reference the shopper typed, reduced to what can be compared exactly. */
export interface OrderReference {
  ok: true;
  /** Digits of the order number, no leading zeros: `1001`. */
  number: string;
  /** Letters/digits typed before the number once filler words (`order`, `no.`, `#`) are gone, lower-case: `nt` or ``. */
  prefix: string;
  /** Letters/digits typed after the number, lower-case: `eu` or ``. */
  suffix: string;
  /** Search strings for Shopify's (loose) order search, most specific first. Never decide on a hit alone. */
  candidates: string[];
}

export type OrderReferenceFailure = { ok: false; reason: 'empty' | 'no_digits' | 'too_long' };
export type ParsedOrderReference = OrderReference | OrderReferenceFailure;

const MAX_INPUT_LENGTH = 64;

/** Words shoppers put around an order number that carry no meaning (several languages). */
const FILLER_WORDS = new Set([
  'my',
  'the',
  'order',
  'orders',
  'ordernumber',
  'orderno',
  'ordernr',
  'number',
  'num',
  'no',
  'nr',
  'nro',
  'n',
  'ref',
  'reference',
  'id',
  'is',
  'bestellung',
  'bestellnummer',
  'nummer',
  'commande',
  'numero',
  'número',
  'pedido',
  'ordre',
  'ordrenummer',
  'order_id',
]);

/**
 * Drops leading filler words from the text before the number (`Order no. NT-` → `NT-`), but never the
 * shop's own prefix, so a shop whose prefix is a filler word (`NO-1001`) still works.
 */
function stripFillers(rawPrefix: string, formatPrefix: string): string {
  let rest = rawPrefix;
  for (;;) {
    const m = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)[^\p{L}\p{N}]*/u.exec(rest);
    if (!m?.[1] || !FILLER_WORDS.has(m[1].toLowerCase())) return rest;
    if (formatPrefix !== '' && significantText(rest) === formatPrefix) return rest;
    rest = rest.slice(m[0].length);
  }
}

const TRAILING_WORDS = new Set(['please', 'pls', 'thanks', 'thx', 'thank', 'you', 'ty']);

/** Drops polite words after the number (`1001 please`), keeping anything else typed there (`-EU`). */
function stripTrailingWords(rawSuffix: string): string {
  const tokens = rawSuffix.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  while (tokens.length > 0 && TRAILING_WORDS.has(tokens[tokens.length - 1]!.toLowerCase())) tokens.pop();
  return tokens.join('').toLowerCase();
}

/**
 * Parses what a shopper typed as an order reference (`#1001`, `order 1001`, `no. 1001`, ` 1 0 0 1 `,
 * `＃１００１`, `NT-1001`, `nt1001`, `1001-EU`). Pure; never throws. Pass the shop's name format when known
 * so the candidates include the shop's own spelling.
 */
export function parseOrderReference(input: string, format?: OrderNameFormat): ParsedOrderReference {
  if (input.length > MAX_INPUT_LENGTH * 4) return { ok: false, reason: 'too_long' };
  const text = normalizeReferenceText(input);
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > MAX_INPUT_LENGTH) return { ok: false, reason: 'too_long' };
  const split = splitAroundNumber(text);
  if (!split) return { ok: false, reason: 'no_digits' };
  if (split.number.length > MAX_ORDER_NUMBER_DIGITS) return { ok: false, reason: 'too_long' };

  const typedPrefix = stripFillers(split.rawPrefix, format ? significantText(format.prefix) : '');
  const prefix = significantText(typedPrefix);
  const suffix = stripTrailingWords(split.rawSuffix);
  const typedSuffix = suffix === '' ? '' : split.rawSuffix.replace(/\s+/g, '');
  const typedForm = `${typedPrefix.replace(/\s+/g, '')}${split.number}${typedSuffix}`.toUpperCase();
  const candidates = [
    ...(format && (prefix === '' || prefix === significantText(format.prefix)) && (suffix === '' || suffix === significantText(format.suffix))
      ? [formatOrderName(format, split.number)]
      : []),
    typedForm,
    `#${split.number}`,
    split.number,
  ];
  return { ok: true, number: split.number, prefix, suffix, candidates: [...new Set(candidates)] };
}

/**
 * The exact comparison made after Shopify's loose search: same number, and the letters typed around it equal
 * the order name's (case, `#`, `-` and spaces ignored). Leaving the shop's own prefix/suffix out is allowed
 * (`1001` matches `NT-1001` in a shop whose format is `NT-`), typing someone else's is not; without a format,
 * `#1001` does not match `#1001-EU`, and `#1001` never matches `#10010`.
 */
export function orderNameMatches(reference: string | ParsedOrderReference, orderName: string, format?: OrderNameFormat): boolean {
  const ref = typeof reference === 'string' ? parseOrderReference(reference, format) : reference;
  if (!ref.ok) return false;
  const name = splitAroundNumber(normalizeReferenceText(orderName));
  if (!name || name.number !== ref.number) return false;
  const formatPrefix = format ? significantText(format.prefix) : null;
  const formatSuffix = format ? significantText(format.suffix) : null;
  const prefixOk = ref.prefix === name.prefix || (ref.prefix === '' && formatPrefix === name.prefix);
  const suffixOk = ref.suffix === name.suffix || (ref.suffix === '' && formatSuffix === name.suffix);
  return prefixOk && suffixOk;
}
