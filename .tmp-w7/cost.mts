import { loadAdminSchema } from '/work/main/demo-shop/graphql-schema';
import { computeRequestedCost, selectOperation } from '/work/main/demo-shop/query-cost';
import { worstCaseQueryCost } from '/work/main/src/server/shopify/worst-case-cost';
import * as q from '/work/main/src/server/shopify/order-query';
import { parse } from 'graphql';
const { schema } = loadAdminSchema();
for (const [label, doc, vars] of [['name', q.SEARCH_ORDERS_QUERY, { first: q.NAME_SEARCH_FIRST, query: 'x' }], ['email', q.SEARCH_ORDERS_QUERY, { first: q.MAX_PAGE_SIZE, query: 'x' }], ['get', q.GET_ORDER_QUERY, { id: 'x' }], ['shop', q.SHOP_INFO_QUERY, {}]] as const) {
  const d = parse(doc); const demo = computeRequestedCost(schema, d, selectOperation(d)!, vars as any);
  console.log(label, 'demo', demo, 'worst', worstCaseQueryCost(schema, doc, vars as any));
}
