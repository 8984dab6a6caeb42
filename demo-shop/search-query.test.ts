import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './search-query';
import { filterOrders, normalizeEmail } from './order-filter';
import { seedShop } from './seed/generate-orders';
import { buildShopConfigs, ACME, NORDIC } from './shops';
import { knownOrder } from './seed/known-orders';

const now = Date.parse('2025-06-15T12:00:00Z');
const [acmeCfg, nordicCfg] = buildShopConfigs();
const acme = seedShop(acmeCfg!, 7, now).orders;
const nordic = seedShop(nordicCfg!, 7, now).orders;
const names = (q: string, list = acme): string[] => filterOrders(list, parseSearchQuery(q), now).orders.map((o) => o.name);

describe('parseSearchQuery', () => {
  it('parses fields, quotes, connectives, negation and comparators', () => {
    expect(parseSearchQuery(`name:'#1001' AND email:"a b@x.com"`)).toEqual({
      type: 'and',
      children: [
        { type: 'term', field: 'name', comparator: ':', value: '#1001', quoted: true },
        { type: 'term', field: 'email', comparator: ':', value: 'a b@x.com', quoted: true },
      ],
    });
    expect(parseSearchQuery('status:open OR -test:true')).toMatchObject({
      type: 'or',
      children: [{ field: 'status' }, { type: 'not', child: { field: 'test' } }],
    });
    expect(parseSearchQuery("created_at:>='2025-01-01'")).toMatchObject({ field: 'created_at', comparator: '>=', value: '2025-01-01' });
    expect(parseSearchQuery('NOT (status:closed OR status:cancelled) foo')).toMatchObject({
      type: 'and',
      children: [
        { type: 'not', child: { type: 'or' } },
        { field: null, value: 'foo' },
      ],
    });
    expect(parseSearchQuery('   ')).toBeNull();
    expect(parseSearchQuery(`email:'liam.o\\'connor@example.ie' OR name:'a\\\\b'`)).toEqual({
      type: 'or',
      children: [
        { type: 'term', field: 'email', comparator: ':', value: "liam.o'connor@example.ie", quoted: true },
        { type: 'term', field: 'name', comparator: ':', value: 'a\\b', quoted: true },
      ],
    });
  });
});

describe('filterOrders', () => {
  it('matches names with or without #, and by number token across prefixes', () => {
    expect(names('name:1001')).toEqual(['#1001']);
    expect(names("name:'#1001'")).toEqual(['#1001']);
    expect(names('name:1001', nordic)).toEqual(['NT-1001']);
    expect(names('name:nt-1001', nordic)).toEqual(['NT-1001']);
  });

  it('is loose on email: case-insensitive and +tag-blind, so callers must verify', () => {
    expect(normalizeEmail('John+Shop@Example.com')).toBe('john@example.com');
    const johns = names('email:john@example.com');
    expect(johns).toContain(knownOrder('acme.john').name);
    expect(johns).toContain(knownOrder('acme.john_plus_tag').name);
    expect(names("email:'mixed.case@example.com'")).toEqual([knownOrder('acme.tracking_without_url').name]);
    expect(names(`email:"jane.doe@example.com"`).length).toBeGreaterThanOrEqual(5);
  });

  it('combines with AND / OR / NOT and filters status', () => {
    const jane = names('email:jane.doe@example.com');
    const janeOpen = names('email:jane.doe@example.com AND status:open');
    expect(janeOpen).not.toContain(knownOrder('acme.cancelled').name);
    expect(janeOpen).not.toContain(knownOrder('acme.delivered').name);
    expect(janeOpen.length).toBeLessThan(jane.length);
    expect(names('name:1001 OR name:1002').sort()).toEqual(['#1001', '#1002']);
    expect(names('email:jane.doe@example.com -status:cancelled')).not.toContain(knownOrder('acme.cancelled').name);
    expect(names('status:cancelled').length).toBeGreaterThan(0);
  });

  it('supports date and id comparators', () => {
    const recent = filterOrders(acme, parseSearchQuery(`created_at:>'${new Date(now - 86_400_000).toISOString()}'`), now).orders;
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((o) => Date.parse(o.createdAt) > now - 86_400_000)).toBe(true);
    const first = acme[0]!;
    expect(filterOrders(acme, parseSearchQuery(`id:<=${first.id}`), now).orders.map((o) => o.id)).toEqual([first.id]);
  });

  it('turns unknown fields and bad values into warnings, not errors', () => {
    const r = filterOrders(acme, parseSearchQuery('name:1001 colour:blue'), now);
    expect(r.orders.map((o) => o.name)).toEqual(['#1001']);
    expect(r.warnings).toEqual([{ field: 'colour', message: 'Invalid search field for this query.' }]);
    const gidQuery = filterOrders(acme, parseSearchQuery('id:gid://shopify/Order/1'), now);
    expect(gidQuery.orders).toEqual([]);
    expect(gidQuery.warnings[0]?.message).toContain('received `gid`');
  });

  it('filters financial and fulfillment status and test orders', () => {
    expect(names('financial_status:pending')).toContain(knownOrder('acme.payment_pending').name);
    expect(names('fulfillment_status:on_hold')).toContain(knownOrder('acme.on_hold').name);
    expect(names('fulfillment_status:partial')).toContain(knownOrder('acme.partially_fulfilled').name);
    expect(names('test:true')).toContain(knownOrder('acme.test_order').name);
    expect(ACME).not.toBe(NORDIC);
  });
});
