import { describe, expect, it } from 'vitest';
import { negotiateLocale, offeredLocales, parseAcceptLanguage, toSupportedLocale, type LocaleSignals, type ShopLocales } from './negotiate-locale';

const everywhere: ShopLocales = { primary: 'en', published: ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt-BR', 'ja'] };
const germanShop: ShopLocales = { primary: 'de', published: ['de', 'en', 'fr-CA'] };
const swedishShop: ShopLocales = { primary: 'sv', published: ['sv', 'fi'] };
const swedishAndJapanese: ShopLocales = { primary: 'sv', published: ['sv', 'ja'] };

describe('negotiateLocale', () => {
  it.each<[string, LocaleSignals, ShopLocales | null, string]>([
    ['the storefront locale first', { storefront: 'fr', acceptLanguage: 'de' }, everywhere, 'fr'],
    ['Accept-Language when the storefront says nothing', { acceptLanguage: 'ja,en;q=0.5' }, everywhere, 'ja'],
    ['Accept-Language by weight, not by position', { acceptLanguage: 'en;q=0.2, nl;q=0.9' }, everywhere, 'nl'],
    ['a regional tag as its language', { acceptLanguage: 'de-CH' }, everywhere, 'de'],
    ['Portuguese of Portugal as our Brazilian Portuguese', { storefront: 'pt-PT' }, everywhere, 'pt-BR'],
    ['the message language last', { messageLanguage: 'es' }, everywhere, 'es'],
    ['the shopper choice over everything', { chosen: 'it', storefront: 'fr', acceptLanguage: 'de', messageLanguage: 'es' }, everywhere, 'it'],
    ['a choice the shop does not publish is ignored', { chosen: 'ja', acceptLanguage: 'fr' }, germanShop, 'fr'],
    ['a storefront locale the shop does not publish is ignored', { storefront: 'es', acceptLanguage: 'ja, en;q=0.1' }, germanShop, 'en'],
    ['the primary locale when nothing matches', { acceptLanguage: 'ja, es' }, germanShop, 'de'],
    ['the primary locale with no signals at all', {}, germanShop, 'de'],
    ['English when we do not speak the primary locale', { acceptLanguage: 'sv' }, swedishShop, 'en'],
    ['the only language we speak of a shop whose primary we do not', { acceptLanguage: 'sv' }, swedishAndJapanese, 'ja'],
    ['every supported locale when the shop has not said (not connected yet)', { acceptLanguage: 'nl' }, null, 'nl'],
    ['English when the shop has not said and nothing matches', { acceptLanguage: 'zh-CN' }, null, 'en'],
    ['garbage as no signal', { chosen: '../../x', storefront: 'x" onload="', acceptLanguage: ';;,q=,*' }, germanShop, 'de'],
    ['q=0 as a refusal', { acceptLanguage: 'fr;q=0, de;q=0.1' }, everywhere, 'de'],
    ['underscored tags as hyphenated', { storefront: 'pt_BR' }, everywhere, 'pt-BR'],
  ])('%s', (_name, signals, shop, expected) => {
    expect(negotiateLocale(signals, shop)).toBe(expected);
  });
});

describe('toSupportedLocale', () => {
  it.each([
    ['en', 'en'],
    ['EN-gb', 'en'],
    ['pt-BR', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['ja-JP', 'ja'],
    ['zh-CN', null],
    ['', null],
    ['english', null],
    ['<script>', null],
  ])('%s → %s', (tag, expected) => {
    expect(toSupportedLocale(tag)).toBe(expected);
  });
});

describe('parseAcceptLanguage', () => {
  it('orders by q, keeps ties in order, drops * and q=0', () => {
    expect(parseAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5, it;q=0')).toEqual(['fr-CH', 'fr', 'en', 'de']);
  });
  it('reads at most 20 entries', () => {
    expect(parseAcceptLanguage(Array.from({ length: 50 }, () => 'de').join(','))).toHaveLength(20);
  });
});

describe('offeredLocales', () => {
  it('maps published Shopify locales to ours, in our order', () => {
    expect(offeredLocales(germanShop)).toEqual(['en', 'de', 'fr']);
  });
  it('offers English alone for a shop in languages we do not speak', () => {
    expect(offeredLocales(swedishShop)).toEqual(['en']);
  });
});
