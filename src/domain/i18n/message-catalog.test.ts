import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, type Locale } from './locales';

/**
 * Every language file has exactly the keys of messages/en.json (all namespaces), each message parses as ICU, and
 * uses the same placeholders and rich-text tags as the English one, so no language can miss a sentence or drop
 * a value.
 */
type Catalog = { [key: string]: string | Catalog };

const read = (locale: Locale): Catalog => JSON.parse(readFileSync(path.join(process.cwd(), 'messages', `${locale}.json`), 'utf8')) as Catalog;

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(name, value);
    else for (const [inner, text] of flatten(value, name)) flat.set(inner, text);
  }
  return flat;
}

/** Argument names (`{shop}`, `{count, plural, …}`) and tag names (`<time>`), sorted and deduplicated. */
export function placeholdersOf(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)) names.add(`{${match[1]}}`);
  for (const match of message.matchAll(/<([A-Za-z][\w-]*)>/g)) names.add(`<${match[1]}>`);
  return [...names].sort();
}

const english = flatten(read('en'));

describe('message catalog', () => {
  it('has English messages', () => {
    expect(english.size).toBeGreaterThan(0);
  });

  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== 'en'))('%s has every English key and no other', (locale) => {
    const keys = [...flatten(read(locale)).keys()].sort();
    expect(keys).toEqual([...english.keys()].sort());
  });

  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== 'en'))('%s uses the same placeholders and tags as English', (locale) => {
    const mismatches = [...flatten(read(locale))]
      .filter(([key, text]) => english.has(key) && placeholdersOf(text).join(' ') !== placeholdersOf(english.get(key)!).join(' '))
      .map(([key, text]) => `${key}: ${placeholdersOf(text).join(' ')} ≠ ${placeholdersOf(english.get(key)!).join(' ')}`);
    expect(mismatches).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)('%s: every message formats as ICU with sample values', (locale) => {
    const messages = read(locale);
    const errors: string[] = [];
    const t = createTranslator({ locale, messages, onError: (error) => errors.push(error.message) });
    for (const [key, text] of flatten(messages)) {
      const values: Record<string, unknown> = {};
      for (const placeholder of placeholdersOf(text)) {
        const name = placeholder.slice(1, -1);
        if (placeholder.startsWith('<')) values[name] = (chunks: string) => chunks;
        else
          values[name] =
            /\{\s*\w+\s*,\s*(plural|selectordinal|number)/.test(text) && new RegExp(`\\{\\s*${name}\\s*,\\s*(plural|selectordinal|number)`).test(text)
              ? 2
              : 'x';
      }
      (t.markup as (key: string, values: Record<string, unknown>) => string)(key, values);
    }
    expect(errors).toEqual([]);
  });
});

describe('placeholdersOf', () => {
  it('reads arguments inside plural branches and tags, not plural keywords', () => {
    expect(placeholdersOf('Placed <time>{date}</time> · {items, plural, one {# item} other {# items}}')).toEqual(['<time>', '{date}', '{items}']);
    expect(placeholdersOf('{package, select, none {} other {({package})}}, opens in a new tab')).toEqual(['{package}']);
  });
});
