import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '@/domain/i18n/locales';

/**
 * What a shopper writes in one language, for the engine's tests and `npm run eval`. One file per language in this
 * folder (`<locale>.ts`, default export); they are found by name, so adding a language adds no list anywhere.
 * Templates: `{order}` is the order number as the shop prints it (`#1001`), `{number}` its digits, `{email}` the address.
 */
export type LanguageFixture = {
  locale: Locale;
  /** Sentences clearly in this language (the conversation switches to it). */
  sentences: string[];
  /** Questions per intent, as a shopper of this language asks them. */
  intents: Record<'where_is_my_order' | 'tracking' | 'eta' | 'contents' | 'human' | 'other_orders', string[]>;
  /** Order references as shoppers write them, with the digits the engine must read. */
  references: Array<[text: string, digits: string]>;
  /** One message carrying a whole lookup: reference and email in a sentence. */
  lookups: string[];
  /** A scripted chat: ask → number → email → follow-ups → hand-off. */
  chat: { ask: string; number: string; followUps: { eta: string; tracking: string; contents: string }; handoff: string };
};

/** Every fixture in this folder, by locale. */
export async function loadLanguageFixtures(): Promise<LanguageFixture[]> {
  const folder = import.meta.dirname;
  const files = readdirSync(folder).filter((file) => /^[a-z]{2}(?:-[A-Z]{2})?\.ts$/.test(file));
  const fixtures = await Promise.all(files.map(async (file) => ((await import(path.join(folder, file))) as { default: LanguageFixture }).default));
  return fixtures.sort((a, b) => a.locale.localeCompare(b.locale));
}

/** Fills a template with an order and an email. */
export function fillTemplate(template: string, order: { name: string }, email = ''): string {
  return template.replaceAll('{order}', order.name).replaceAll('{number}', order.name.replace(/\D/g, '')).replaceAll('{email}', email);
}
