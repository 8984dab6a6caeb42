import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphqlEndpoint, parseRetryAfterMs, throttleWaitMs } from './graphql-envelope';
import { GET_ORDER_QUERY, SEARCH_ORDERS_QUERY, SHOP_INFO_QUERY, customerSearch, emailSearch, nameSearch, orderGid, quoteSearchValue } from './order-query';

// The copy inside the repo is what CI has; Shopify's own SDL for API 2025-01.
const SCHEMA_PATH = path.resolve(__dirname, '../../../demo-shop/schema/admin-schema-2025-01.graphql');

describe('order query documents', () => {
  let schema: GraphQLSchema;
  beforeAll(() => {
    schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'), { assumeValidSDL: true });
  });

  it.each([
    ['search', SEARCH_ORDERS_QUERY],
    ['single order', GET_ORDER_QUERY],
    ['shop info', SHOP_INFO_QUERY],
  ])('the %s document is valid against Shopify 2025-01', (_label, document) => {
    const errors = validate(schema, parse(document));
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  it('a misspelt field would be caught (the check is real)', () => {
    const errors = validate(schema, parse(SEARCH_ORDERS_QUERY.replace('displayStatus', 'shipmentStatus')));
    expect(errors.length).toBeGreaterThan(0);
  });
});

describe('search values', () => {
  it('quotes and escapes so a value cannot close the quote', () => {
    expect(nameSearch('#1042')).toBe("name:'#1042'");
    expect(quoteSearchValue("O'Brien")).toBe("'O\\'Brien'");
    expect(quoteSearchValue('a\\b')).toBe("'a\\\\b'");
    // An injection attempt stays one quoted value: every quote inside is escaped.
    const injected = emailSearch("x' OR email:'*");
    expect(injected).toBe("email:'x\\' OR email:\\'*'");
    expect(injected.replace(/\\\\|\\'/g, '').match(/'/g)).toHaveLength(2);
    // A trailing backslash cannot escape the closing quote.
    expect(emailSearch('a@b.c\\')).toBe("email:'a@b.c\\\\'");
  });

  it('searches an internationalised domain in both spellings Shopify may have stored (one call)', () => {
    expect(emailSearch('anna@bücher.de')).toBe("email:'anna@bücher.de' OR email:'anna@xn--bcher-kva.de'");
    expect(emailSearch("liam.o'connor@example.ie")).toBe("email:'liam.o\\'connor@example.ie'");
  });

  it('accepts only numeric customer and order ids (or their gids)', () => {
    expect(customerSearch('123')).toBe('customer_id:123');
    expect(customerSearch('gid://shopify/Customer/77')).toBe('customer_id:77');
    expect(customerSearch('1 OR email:*')).toBeNull();
    expect(orderGid('5512345000001')).toBe('gid://shopify/Order/5512345000001');
    expect(orderGid('gid://shopify/Order/9')).toBe('gid://shopify/Order/9');
    expect(orderGid('abc')).toBeNull();
  });
});

describe('envelope helpers', () => {
  it('joins the endpoint under an origin with or without a path prefix', () => {
    expect(graphqlEndpoint('https://acme.myshopify.com', '2025-01')).toBe('https://acme.myshopify.com/admin/api/2025-01/graphql.json');
    expect(graphqlEndpoint('http://127.0.0.1:4000/shops/acme.myshopify.com/', '2025-01')).toBe(
      'http://127.0.0.1:4000/shops/acme.myshopify.com/admin/api/2025-01/graphql.json',
    );
    expect(graphqlEndpoint('ftp://x', '2025-01')).toBeNull();
    expect(graphqlEndpoint('not a url', '2025-01')).toBeNull();
  });

  it('reads Retry-After as (float) seconds', () => {
    expect(parseRetryAfterMs('2.0')).toBe(2000);
    expect(parseRetryAfterMs('0.5')).toBe(500);
    expect(parseRetryAfterMs(null)).toBeNull();
    expect(parseRetryAfterMs('soon')).toBeNull();
  });

  it('computes the THROTTLED wait from throttleStatus', () => {
    const cost = { requestedQueryCost: 752, actualQueryCost: null, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 666, restoreRate: 50 } };
    expect(throttleWaitMs(cost, 1)).toBe(1720);
    expect(throttleWaitMs({ ...cost, requestedQueryCost: 10 }, 1)).toBe(0);
  });
});
