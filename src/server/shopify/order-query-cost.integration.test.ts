import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAdminSchema } from '../../../demo-shop/graphql-schema';
import { startDemoShop, type DemoShop } from '../../../demo-shop/server';
import { knownOrder, JANE_EMAIL } from '../../../demo-shop/seed/known-orders';
import {
  estimateSearchCost,
  GET_ORDER_QUERY,
  MAX_PAGE_SIZE,
  NAME_SEARCH_FIRST,
  ORDER_COST_ESTIMATE,
  SEARCH_ORDERS_QUERY,
  SHOP_INFO_QUERY,
  emailSearch,
  nameSearch,
} from './order-query';
import { worstCaseQueryCost } from './worst-case-cost';

type Cost = { requestedQueryCost: number; actualQueryCost: number | null };

let demo: DemoShop;
beforeAll(async () => {
  demo = await startDemoShop({ port: 0 });
});
afterAll(async () => {
  await demo?.close();
});

async function measure(query: string, variables: Record<string, unknown>): Promise<Cost & { data: unknown }> {
  const shop = demo.shops.find((s) => s.domain === 'acme-outdoors.myshopify.com')!;
  const response = await fetch(`${shop.origin}/admin/api/2025-01/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': shop.accessToken },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown; extensions?: { cost?: Cost } };
  expect(body.errors).toBeUndefined();
  return { ...body.extensions!.cost!, data: body.data };
}

describe('the cost of our order queries (docs/benchmarks.md, "Shopify API budget")', () => {
  it('a name lookup requests 215 points and spends about 25 for one match', async () => {
    const order = knownOrder('acme.in_transit');
    const cost = await measure(SEARCH_ORDERS_QUERY, { query: nameSearch([order.name, String(order.orderNumber)]), first: NAME_SEARCH_FIRST });
    expect(cost.requestedQueryCost).toBe(estimateSearchCost(NAME_SEARCH_FIRST));
    expect(cost.requestedQueryCost).toBe(215);
    expect(cost.actualQueryCost).toBeLessThan(40);
  });

  it('a single order by id requests 71 points; a history page 286', async () => {
    const page = await measure(SEARCH_ORDERS_QUERY, { query: emailSearch(JANE_EMAIL), first: MAX_PAGE_SIZE });
    expect(page.requestedQueryCost).toBe(286);
    const id = (page.data as { orders: { nodes: { id: string }[] } }).orders.nodes[0]!.id;
    const single = await measure(GET_ORDER_QUERY, { id });
    expect(single.requestedQueryCost).toBe(ORDER_COST_ESTIMATE);
    expect(single.requestedQueryCost).toBe(71);
  });

  it('stays under the 1000-point cap even if Shopify multiplied plain lists like fulfillments(first:)', () => {
    const { schema } = loadAdminSchema();
    expect(worstCaseQueryCost(schema, SEARCH_ORDERS_QUERY, { first: NAME_SEARCH_FIRST })).toBe(656);
    expect(worstCaseQueryCost(schema, SEARCH_ORDERS_QUERY, { first: MAX_PAGE_SIZE })).toBe(874);
    expect(worstCaseQueryCost(schema, GET_ORDER_QUERY, {})).toBe(218);
    expect(worstCaseQueryCost(schema, SHOP_INFO_QUERY, {})).toBeLessThan(10);
  });

  it('the worst-case bound is real: the old sizes (fulfillments 10, events 15, items 30) would break the cap', () => {
    const { schema } = loadAdminSchema();
    const old = SEARCH_ORDERS_QUERY.replace('fulfillments(first: 5)', 'fulfillments(first: 10)')
      .replace('events(first: 8,', 'events(first: 15,')
      .replace('fulfillmentLineItems(first: 10)', 'fulfillmentLineItems(first: 30)');
    expect(worstCaseQueryCost(schema, old, { first: 5 })).toBeGreaterThan(1000);
  });
});
