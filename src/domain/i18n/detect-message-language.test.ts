import { describe, expect, it } from 'vitest';
import { detectMessageLanguage } from './detect-message-language';

describe('detectMessageLanguage', () => {
  it.each([
    ['Where is my order? It has not arrived yet.', 'en'],
    ['Wo ist meine Bestellung? Sie ist noch nicht angekommen.', 'de'],
    ["Bonjour, où est ma commande ? Je ne l'ai pas encore reçue.", 'fr'],
    ['Hola, ¿dónde está mi pedido? Todavía no ha llegado.', 'es'],
    ['Ciao, dove è il mio ordine? Non è ancora arrivato.', 'it'],
    ['Hoi, waar is mijn bestelling? Hij is nog niet aangekomen.', 'nl'],
    ['Oi, cadê meu pedido? Ainda não chegou.', 'pt-BR'],
    ['注文した商品はいつ届きますか？', 'ja'],
    ['注文番号 1001 の配送状況', 'ja'],
  ])('recognises %s as %s', (text, locale) => {
    expect(detectMessageLanguage(text)).toBe(locale);
  });

  it.each([
    '1001',
    '#1001',
    'jane.doe@example.com',
    'hi',
    'ok',
    'merci',
    'Bestellung 1001',
    'pedido #1001 jane@example.com',
    '',
    '  ',
    'NT-1001',
    'Lorem ipsum dolor',
  ])('stays silent on short or unclear text: %j', (text) => {
    expect(detectMessageLanguage(text)).toBeNull();
  });

  it('does not take an email address or order number for words', () => {
    expect(detectMessageLanguage('de.la.mi@example.com 1001 1002')).toBeNull();
  });
});
