import { describe, expect, it } from 'vitest';
import { readShopLocales, refreshShopLocales } from './shop-locales';

describe('readShopLocales', () => {
  it('keeps the primary first and only the published others', () => {
    expect(
      readShopLocales([
        { locale: 'fr', primary: false, published: true },
        { locale: 'de', primary: true, published: true },
        { locale: 'ja', primary: false, published: false },
        { locale: 'pt-BR', primary: false, published: true },
      ]),
    ).toEqual({ primary: 'de', published: ['de', 'fr', 'pt-BR'] });
  });

  it('counts the primary as published even when Shopify marks it otherwise', () => {
    expect(readShopLocales([{ locale: 'en', primary: true, published: false }])).toEqual({ primary: 'en', published: ['en'] });
  });

  it('is null without a primary locale', () => {
    expect(readShopLocales([{ locale: 'fr', primary: false, published: true }])).toBeNull();
    expect(readShopLocales([])).toBeNull();
  });
});

describe('refreshShopLocales', () => {
  it('stores what Shopify reports and leaves the stored languages alone when it reports no primary', async () => {
    const saved: unknown[] = [];
    const deps = (rows: { locale: string; primary: boolean; published: boolean }[]) => ({
      fetchShopLocales: async () => rows,
      saveShopLocales: async (_shop: { id: string }, locales: unknown) => void saved.push(locales),
    });
    expect(await refreshShopLocales(deps([{ locale: 'ja', primary: true, published: true }]), { id: 's' })).toEqual({ primary: 'ja', published: ['ja'] });
    expect(await refreshShopLocales(deps([]), { id: 's' })).toBeNull();
    expect(saved).toEqual([{ primary: 'ja', published: ['ja'] }]);
  });
});
