import { describe, expect, it } from 'vitest';
import { parseOrderReference } from '../orders/parse-order-reference';
import { detectIntent, type Intent } from './detect-intent';
import { extractEmail, extractOrderReference, redactEmails } from './extract-details';

describe('extractOrderReference', () => {
  it.each([
    ['hi its jane@x.com, order 1042 never came', '1042'],
    ['#1042', '#1042'],
    ['order #1042 please', '#1042'],
    ['Order no. 1042', '1042'],
    ['my order number is 1042', '1042'],
    ['order: 1042', '1042'],
    ['ＯＲＤＥＲ ＃１０４２', '#1042'],
    ['NT-1180 hasnt arrived', 'NT-1180'],
    ['nt1180', 'nt1180'],
    ['1055-EU where is it', '1055-EU'],
    ['Bestellung 1042 ist nicht angekommen', '1042'],
    ['commande numéro 1042', '1042'],
    ['where is 1042?', '1042'],
    ['1042', '1042'],
    ['I paid $1042 for order #1001', '#1001'],
    ['ordered 3 items on 12/03, order is 1290', '1290'],
    ['order #7', '#7'],
  ])('%s → %s', (text, expected) => {
    expect(extractOrderReference(text)).toBe(expected);
  });

  it.each([
    'where is my order?',
    'jane1042@example.com',
    'I ordered 2 things 10 days ago',
    'it cost $45.99',
    'deliver before 10:30 please',
    'call me on 0044 7700 900123 4567',
    'hello',
  ])('finds no order number in %j', (text) => {
    expect(extractOrderReference(text)).toBeNull();
  });

  it('returns what parseOrderReference accepts', () => {
    for (const text of ['order 1042', 'NT-1180', '1055-EU', '＃１０４２']) {
      const reference = extractOrderReference(text)!;
      expect(parseOrderReference(reference).ok).toBe(true);
    }
  });
});

describe('extractEmail', () => {
  it.each([
    ['hi its jane@x.com, order 1042 never came', 'jane@x.com'],
    ['my email: Jane.Doe@Example.COM.', 'jane.doe@example.com'],
    ['(john+shop@example.com)', 'john+shop@example.com'],
    ['ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'jane@example.com'],
    ['email is <zoe@example.co.uk>', 'zoe@example.co.uk'],
    ["it's liam.o'connor@example.ie, order 1042", "liam.o'connor@example.ie"],
    ['it\u2019s Liam.O\u2019Connor@example.ie', "liam.o'connor@example.ie"],
    ["my email is 'gianni.d'amico@example.it'", "gianni.d'amico@example.it"],
    ['\u2018liam.o\u2019connor@example.ie\u2019 thanks', "liam.o'connor@example.ie"],
    ["email: !#$%&'*+-/=?^_`{|}~@example.com", "!#$%&'*+-/=?^_`{|}~@example.com"],
    ['order 1042, "john doe"@example.com', '"john doe"@example.com'],
    ['josé.núñez@correo.es order 1042', 'josé.núñez@correo.es'],
    ['ANNA@XN--BCHER-KVA.DE', 'anna@bücher.de'],
    ['用户@例子.广告', '用户@例子.广告'],
  ])('%s → %s', (text, expected) => {
    expect(extractEmail(text)).toBe(expected);
  });

  it.each(['no email here', 'jane at example dot com', '@example.com', 'jane@'])('finds none in %j', (text) => {
    expect(extractEmail(text)).toBeNull();
  });

  it('masks every email for storage', () => {
    expect(redactEmails('its jane.doe@example.com and also bob@x.org, order 1042')).toBe('its j***@example.com and also b***@x.org, order 1042');
    expect(redactEmails("it's liam.o'connor@example.ie")).toBe("it's l***@example.ie");
    expect(redactEmails('it\u2019s liam.o\u2019connor@example.ie')).toBe('it\u2019s l***@example.ie');
  });

  it('finds the order number beside an address with an apostrophe', () => {
    expect(extractOrderReference("liam.o'connor1042@example.ie order 1290")).toBe('1290');
  });
});

describe('detectIntent', () => {
  const cases: Array<[string, Intent]> = [
    ['where is my order?', 'where_is_my_order'],
    ["where's my stuff??", 'where_is_my_order'],
    ['my package never arrived', 'where_is_my_order'],
    ['order 1042 never came', 'where_is_my_order'],
    ['status of my order', 'where_is_my_order'],
    ['is it lost?', 'where_is_my_order'],
    ['tracking?', 'tracking'],
    ['can I get the tracking number', 'tracking'],
    ['when will it arrive?', 'eta'],
    ['how long until it gets here', 'eta'],
    ['whats the estimated delivery date', 'eta'],
    ["what's in it?", 'contents'],
    ['what did I order', 'contents'],
    ['I have another order', 'other_orders'],
    ['show my other orders', 'other_orders'],
    ['please cancel my order', 'cancel'],
    ['I want to return it', 'return'],
    ['can I get a refund', 'return'],
    ['I need to change my address', 'change_address'],
    ['the address is wrong', 'change_address'],
    ['talk to a human', 'human'],
    ['can I speak to a real person', 'human'],
    ['thanks!', 'thanks'],
    ['thank you so much', 'thanks'],
    ['hi', 'greeting'],
    ['Good morning', 'greeting'],
    ['what is the capital of France', 'out_of_scope'],
    ['write me a poem', 'out_of_scope'],
  ];
  it.each(cases)('%s → %s', (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });
});
