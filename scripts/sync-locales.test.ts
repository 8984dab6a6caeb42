import { describe, expect, it } from 'vitest';
import { orderLocales, previousOrder, renderFiles, renderList, wantedRegistry } from './sync-locales';

describe('the language registry', () => {
  it('is current: every file in messages/ is a supported language, and nothing else is (run `npx tsx scripts/sync-locales.ts`)', () => {
    for (const { file, current, wanted } of wantedRegistry(process.cwd())) expect(current, file).toBe(wanted);
  });

  it('puts English first, keeps the order it had, and adds a new language at the end without reordering the others', () => {
    const previous = previousOrder(renderList(['en', 'de', 'fr', 'ja']));
    expect(previous).toEqual(['en', 'de', 'fr', 'ja']);
    expect(orderLocales(['ja', 'ko', 'de', 'en', 'fr', 'ar'], previous)).toEqual(['en', 'de', 'fr', 'ja', 'ar', 'ko']);
    expect(orderLocales(['en', 'de'], previous)).toEqual(['en', 'de']);
    expect(() => orderLocales(['de', 'fr'], [])).toThrow(/en\.json is missing/);
  });

  it('imports each file statically under a valid name (pt-BR as ptBR)', () => {
    const files = renderFiles(['en', 'pt-BR', 'zh-Hant']);
    expect(files).toContain("import ptBR from '../../../messages/pt-BR.json';");
    expect(files).toContain("import zhHant from '../../../messages/zh-Hant.json';");
    expect(files).toContain("export const MESSAGE_FILES = { en, 'pt-BR': ptBR, 'zh-Hant': zhHant } as const;");
  });
});
