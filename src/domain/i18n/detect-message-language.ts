import { LANGUAGE_WORDS, type LanguageWords } from './language-words';
import type { Locale } from './locales';

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/gu;
const KANA = /[\u3040-\u30ff]/u;
const EMAIL = /\S+@\S+/gu;
const WORD = /[\p{L}'’-]+/gu;

/** Detection needs at least this much evidence and this lead over the runner-up. */
const MIN_SCORE = 2;
const MIN_LEAD = 1.5;

/**
 * A detector over the given languages' common words (`understand.detect` of each message file). A word listed
 * under several languages ("pedido", "de", "en") counts only a fraction for each, so only distinctive words decide.
 */
export function languageDetector<L extends string>(languages: ReadonlyMap<L, LanguageWords>): (text: string) => L | null {
  const owners = new Map<string, L[]>();
  for (const [locale, words] of languages) {
    for (const word of new Set(words.detect)) owners.set(word, [...(owners.get(word) ?? []), locale]);
  }
  const japanese = [...languages.keys()].find((locale) => locale === 'ja');
  return (text) => {
    const cleaned = text.normalize('NFKC').replace(EMAIL, ' ').toLowerCase().replace(/’/g, "'");
    const cjk = cleaned.match(CJK)?.length ?? 0;
    if (japanese && cjk >= 2 && (KANA.test(cleaned) || cjk >= 4)) return japanese;
    const words = cleaned.match(WORD) ?? [];
    if (words.length < 2) return null;
    const scores = new Map<L, number>([...languages.keys()].map((locale) => [locale, 0]));
    for (const word of words) {
      const owning = owners.get(word.replace(/^'+|'+$/g, ''));
      if (!owning) continue;
      for (const owner of owning) scores.set(owner, (scores.get(owner) ?? 0) + 1 / owning.length);
    }
    const [best, second] = [...scores.entries()].sort((a, b) => b[1] - a[1]);
    if (!best || best[1] < MIN_SCORE) return null;
    return best[1] - (second?.[1] ?? 0) >= MIN_LEAD ? best[0] : null;
  };
}

/**
 * The supported language a shopper message is clearly written in, or null when it is not clear. Conservative
 * on purpose: order numbers, emails, single words ("hi", "ok", "1001") and mixed or unknown languages give null,
 * so a conversation only switches language on real sentences. Japanese is recognised by its script (kana, or
 * several kanji); the other languages by their common words.
 */
export const detectMessageLanguage: (text: string) => Locale | null = languageDetector(LANGUAGE_WORDS);
