import { z } from 'zod';
import { MESSAGES } from './messages';

/**
 * Namespace `understand` of a message file: the words the deterministic engine reads in that language.
 * `intents` maps an intent to `|`-separated phrases (lower case, accents kept; `^` = only at the start of a
 * message), `orderWords` are `|`-separated words that announce an order number ("Bestellung 1001"), `detect`
 * is a space-separated list of common words that mark the language. They are read as they stand, not through
 * ICU: language-words.test.ts checks that each is plain ICU text, so next-intl's build-time precompilation
 * leaves it unchanged too.
 */
const understandSchema = z.object({
  intents: z.record(z.string(), z.string()),
  orderWords: z.string(),
  detect: z.string(),
});

export type LanguageWords = {
  /** Intent → phrases; an intent a language leaves empty has no entry. */
  intents: ReadonlyMap<string, readonly string[]>;
  orderWords: readonly string[];
  detect: readonly string[];
};

const split = (text: string, separator: string) =>
  text
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * The engine's words of every language in a set of message files, keyed like the files. Throws when a file's
 * `understand` namespace is missing or malformed (messages.test.ts names the missing key first).
 */
export function readLanguageWords<L extends string>(messages: Readonly<Record<L, Record<string, unknown>>>): Map<L, LanguageWords> {
  const out = new Map<L, LanguageWords>();
  for (const [locale, file] of Object.entries(messages) as Array<[L, Record<string, unknown>]>) {
    const parsed = understandSchema.safeParse(file.understand);
    if (!parsed.success) throw new Error(`messages/${locale}.json: namespace "understand" is malformed (${parsed.error.message})`);
    const { intents, orderWords, detect } = parsed.data;
    out.set(locale, {
      intents: new Map(
        Object.entries(intents)
          .map(([intent, phrases]) => [intent, split(phrases, '|')] as const)
          .filter(([, phrases]) => phrases.length > 0),
      ),
      orderWords: split(orderWords, '|'),
      detect: split(detect, ' '),
    });
  }
  return out;
}

/** Every supported language's words, read once from MESSAGES: a new message file brings its words. */
export const LANGUAGE_WORDS = readLanguageWords(MESSAGES);

/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai, …) and Korean, whose particles attach
 * to the noun ("주문이"): a phrase in one of them matches anywhere, any other phrase only as whole words.
 */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** True when a phrase is written in a script without word spaces, so it has no word boundaries to respect. */
export function matchesAnywhere(phrase: string): boolean {
  return UNSPACED_SCRIPT.test(phrase);
}

/** A phrase as regex source: literal characters, any run of spaces for a space. */
export const phrasePattern = (phrase: string) => phrase.replace(/[.*+?^$()[\]{}|\\]/g, '\\$&').replace(/ /g, '\\s+');
