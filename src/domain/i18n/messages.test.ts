import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from './locales';
import { MESSAGES } from './messages';

/** Every message of a file as `namespace.key.sub` → ICU string. */
function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object') for (const [k, v] of flatten(value as Record<string, unknown>, path)) out.set(k, v);
    else out.set(path, `<<not a message: ${typeof value}>>`);
  }
  return out;
}

/** The arguments a message takes, with their kind (`count:plural`, `status:select`, `order:argument`), sorted. */
function placeholders(elements: MessageFormatElement[], into = new Set<string>()): string[] {
  for (const element of elements) {
    if (element.type === TYPE.argument) into.add(`${element.value}:argument`);
    if (element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) into.add(`${element.value}:${TYPE[element.type]}`);
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      into.add(`${element.value}:${element.type === TYPE.select ? 'select' : 'plural'}`);
      for (const option of Object.values(element.options)) placeholders(option.value, into);
    }
    if (element.type === TYPE.tag) {
      // Rich-text tags (`<time>`, `<email>`) are placeholders too: the page renders them as elements.
      into.add(`${element.value}:tag`);
      placeholders(element.children, into);
    }
  }
  return [...into].sort();
}

const english = flatten(MESSAGES.en);

describe('message files', () => {
  it("English has the engine namespaces and the pages' (ui)", () => {
    expect(Object.keys(MESSAGES.en)).toEqual(expect.arrayContaining(['chat', 'status', 'verification', 'email', 'ui']));
  });

  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== 'en'))('%s has every key of en.json and no other', (locale) => {
    const other = flatten(MESSAGES[locale]);
    expect([...english.keys()].filter((key) => !other.has(key))).toEqual([]);
    expect([...other.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)('every %s message parses as ICU and takes exactly the placeholders of its English original', (locale) => {
    const problems: string[] = [];
    for (const [key, message] of flatten(MESSAGES[locale])) {
      let ast: MessageFormatElement[];
      try {
        ast = parse(message, { requiresOtherClause: true });
      } catch (error) {
        problems.push(`${key}: does not parse (${error instanceof Error ? error.message : String(error)})`);
        continue;
      }
      const source = english.get(key);
      if (source === undefined) continue;
      const want = placeholders(parse(source));
      const got = placeholders(ast);
      if (JSON.stringify(want) !== JSON.stringify(got)) problems.push(`${key}: placeholders ${got.join(', ')} instead of ${want.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)('%s is a translation, not a copy of English, for sentences', (locale) => {
    if (locale === 'en') return;
    const other = flatten(MESSAGES[locale]);
    const copied = [...english].filter(([key, text]) => text.split(' ').length > 4 && other.get(key) === text).map(([key]) => key);
    expect(copied).toEqual([]);
  });
});
