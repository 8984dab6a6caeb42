import { INTENT_PHRASES } from './intent-phrases';

/** What the shopper wants from this turn. Order matters: the first rule that matches wins. */
export const INTENTS = [
  'human',
  'cancel',
  'return',
  'change_address',
  'other_orders',
  'tracking',
  'eta',
  'contents',
  'where_is_my_order',
  'thanks',
  'greeting',
  'out_of_scope',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Intents that are questions about one order's data. */
export const ORDER_QUESTIONS: readonly Intent[] = ['where_is_my_order', 'tracking', 'eta', 'contents'];

const RULES: Array<[Exclude<Intent, 'out_of_scope'>, RegExp]> = [
  [
    'human',
    /\b(human|real person|a person|agent|representative|operator|customer service|support team|staff|talk to|speak to|speak with|talk with|call me|contact (?:you|the store|support))\b/,
  ],
  ['cancel', /\bcancel+(?:l?ed|l?ing|ation)?\b/],
  [
    'change_address',
    /\b(?:change|update|wrong|edit|correct|fix|new)\b.{0,30}\baddress\b|\baddress\b.{0,30}\b(?:change|wrong|update|incorrect|moved)\b|\bmoved\b/,
  ],
  ['return', /\b(?:return|returns|refund|refunds|exchange|send (?:it|them) back|money back|damaged|broken|wrong (?:item|size|colou?r))\b/],
  ['other_orders', /\b(?:other|another|previous|older|all|second|different|more) (?:orders?|purchases?)\b|\bmy orders\b|\border history\b/],
  ['tracking', /\btrack(?:ing)?\b|\btracking (?:number|link|code)\b|\bwhich carrier\b|\bcarrier\b/],
  [
    'eta',
    /\b(?:when|how long|how many days|eta|arrive|arrival|expected|estimated|get here|delivery date|be delivered|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|christmas))\b/,
  ],
  [
    'contents',
    /\b(?:what(?:'s| is| was)? in (?:it|my order|the order|the (?:package|parcel|box))|contents|what did i (?:order|buy|get)|which items|what items|items?)\b/,
  ],
  [
    'where_is_my_order',
    /\b(?:where|status|wismo|order|package|parcel|shipment|shipped|shipping|delivery|deliver|hasn'?t (?:come|arrived)|never (?:came|arrived)|not (?:arrived|received|here)|still waiting|late|missing|lost|stuck|delayed?)\b/,
  ],
  ['thanks', /^(?:ok(?:ay)?[, ]*)?(?:thanks?|thank you|thx|ty|cheers|great|perfect|awesome|got it|cool|ok(?:ay)?|merci|danke|gracias)\b/],
  ['greeting', /^(?:hi|hello|hey|hiya|hallo|hola|bonjour|good (?:morning|afternoon|evening)|yo)\b/],
];

const escape = (phrase: string) => phrase.replace(/[.*+?()[\]{}|\\]/g, '\\$&').replace(/ /g, '\\s+');

/** One pattern per intent for every language but English: whole words for Latin scripts, anywhere for Japanese. */
const OTHER_LANGUAGES = new Map(
  Object.entries(INTENT_PHRASES).map(([intent, groups]) => {
    const latin = groups.latin.flatMap((group) => group.split('|'));
    const japanese = groups.japanese.flatMap((group) => group.split('|'));
    const part = (phrase: string, bounded: boolean) =>
      phrase.startsWith('^')
        ? `^${escape(phrase.slice(1))}${bounded ? '(?![\\p{L}\\p{N}])' : ''}`
        : bounded
          ? `(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`
          : escape(phrase);
    const source = [...latin.map((phrase) => part(phrase, true)), ...japanese.map((phrase) => part(phrase, false))].join('|');
    return [intent, new RegExp(source, 'u')];
  }),
);

/** Classifies one shopper message by keyword rules in every supported language (lower-cased, apostrophes unified). Pure. */
export function detectIntent(text: string): Intent {
  const normalized = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/^[¿¡\s]+/u, '')
    .trim();
  for (const [intent, pattern] of RULES) if (pattern.test(normalized) || OTHER_LANGUAGES.get(intent)?.test(normalized)) return intent;
  return 'out_of_scope';
}
