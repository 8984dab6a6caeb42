import { LANGUAGE_WORDS, matchesAnywhere, phrasePattern, type LanguageWords } from '../i18n/language-words';

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

/** The intents a message file may list phrases for (namespace `understand.intents`). */
export const PHRASE_INTENTS = RULES.map(([intent]) => intent);

function phrasePart(phrase: string): string {
  const anywhere = matchesAnywhere(phrase);
  if (phrase.startsWith('^')) return `^${phrasePattern(phrase.slice(1))}${anywhere ? '' : '(?![\\p{L}\\p{N}])'}`;
  return anywhere ? phrasePattern(phrase) : `(?<![\\p{L}\\p{N}])${phrasePattern(phrase)}(?![\\p{L}\\p{N}])`;
}

/**
 * One pattern per intent over the phrases of every language's message file (English's are the rules above):
 * whole words, except phrases in a script written without spaces (Japanese), which match anywhere.
 */
function buildPhrasePatterns(languages: Iterable<LanguageWords>): Map<string, RegExp> {
  const phrases = new Map<string, Set<string>>();
  for (const words of languages) {
    for (const [intent, list] of words.intents) {
      if (!(PHRASE_INTENTS as readonly string[]).includes(intent)) throw new Error(`understand.intents.${intent} is not an intent`);
      const set = phrases.get(intent) ?? new Set<string>();
      for (const phrase of list) set.add(phrase);
      phrases.set(intent, set);
    }
  }
  return new Map([...phrases].map(([intent, set]) => [intent, new RegExp([...set].map(phrasePart).join('|'), 'u')]));
}

/** A classifier over the English rules and the given languages' phrases (tests give it a made-up language). */
export function intentDetector(languages: Iterable<LanguageWords>): (text: string) => Intent {
  const phrases = buildPhrasePatterns(languages);
  return (text) => {
    const normalized = text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’`]/g, "'")
      .replace(/^[¿¡\s]+/u, '')
      .trim();
    for (const [intent, pattern] of RULES) if (pattern.test(normalized) || phrases.get(intent)?.test(normalized)) return intent;
    return 'out_of_scope';
  };
}

/** Classifies one shopper message by keyword rules in every supported language (lower-cased, apostrophes unified). Pure. */
export const detectIntent: (text: string) => Intent = intentDetector(LANGUAGE_WORDS.values());
