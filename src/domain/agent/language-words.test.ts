import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { languageDetector } from '../i18n/detect-message-language';
import { LANGUAGE_WORDS, readLanguageWords } from '../i18n/language-words';
import { SUPPORTED_LOCALES } from '../i18n/locales';
import { MESSAGES } from '../i18n/messages';
import { intentDetector, PHRASE_INTENTS } from './detect-intent';
import { orderReferenceExtractor } from './extract-details';

/** A made-up language that exists only in this message object: whatever the engine reads in it came from here. */
const invented = {
  xx: {
    understand: {
      intents: { human: 'blorf|zan kiti', tracking: 'ぴかぴか', greeting: '^moxa', thanks: '' },
      orderWords: 'kvork|ふむ番',
      detect: 'zu ka mip lorvo',
    },
  },
};
const words = readLanguageWords(invented);

describe("a language's words come from its message file", () => {
  const detectIntent = intentDetector(words.values());

  it('recognises an intent by a phrase of the file, as whole words in a spaced script', () => {
    expect(detectIntent('bitte blorf jetzt')).toBe('human');
    expect(detectIntent('ich will zan   kiti')).toBe('human');
    expect(detectIntent('blorfy')).toBe('out_of_scope');
    expect(detectIntent('xblorf')).toBe('out_of_scope');
  });

  it('matches a phrase in a script without spaces anywhere', () => {
    expect(detectIntent('荷物のぴかぴかはどこ')).toBe('tracking');
  });

  it('counts a ^ phrase only at the start of a message', () => {
    expect(detectIntent('moxa!')).toBe('greeting');
    expect(detectIntent('zu moxa')).toBe('out_of_scope');
    expect(detectIntent('moxabc')).toBe('out_of_scope');
  });

  it('knows none of the languages it was not given', () => {
    expect(detectIntent('mit einer person sprechen')).toBe('out_of_scope');
    expect(detectIntent('担当者')).toBe('out_of_scope');
  });

  it("reads the file's word for 'order' before a short number", () => {
    const extract = orderReferenceExtractor([...words.values()].flatMap((w) => w.orderWords));
    expect(extract('kvork 42')).toBe('42');
    expect(extract('ふむ番は42です')).toBe('42');
    expect(orderReferenceExtractor([])('kvork 42')).toBeNull();
  });

  it("detects the language by the file's common words", () => {
    expect(languageDetector(words)('zu ka mip lorvo')).toBe('xx');
    expect(languageDetector(words)('the order is late')).toBeNull();
  });

  it('refuses a malformed namespace and an unknown intent', () => {
    expect(() => readLanguageWords({ xx: { understand: { intents: {} } } })).toThrow(/xx\.json/);
    expect(() => intentDetector(readLanguageWords({ xx: { understand: { intents: { gossip: 'tratsch' }, orderWords: '', detect: '' } } }).values())).toThrow(
      /gossip/,
    );
  });
});

describe('the message files teach the engine', () => {
  it('every language has words, and English lists intents in none (its rules are in detect-intent.ts)', () => {
    expect([...LANGUAGE_WORDS.keys()].sort()).toEqual([...SUPPORTED_LOCALES].sort());
    expect(LANGUAGE_WORDS.get('en')?.intents.size).toBe(0);
    for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
      expect([...(LANGUAGE_WORDS.get(locale)?.intents.keys() ?? [])].sort(), locale).toEqual([...PHRASE_INTENTS].sort());
    }
  });

  it.each(SUPPORTED_LOCALES)('every %s word is plain ICU text, so precompiling the file leaves it as written', (locale) => {
    const understand = (MESSAGES[locale] as { understand: { intents: Record<string, string>; orderWords: string; detect: string } }).understand;
    for (const text of [...Object.values(understand.intents), understand.orderWords, understand.detect]) {
      const ast = parse(text);
      expect(ast.every((element) => element.type === TYPE.literal)).toBe(true);
      expect(ast.map((element) => (element.type === TYPE.literal ? element.value : '')).join('')).toBe(text);
    }
  });
});
