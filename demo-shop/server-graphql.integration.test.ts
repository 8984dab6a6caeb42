import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest } from './client';
import { knownOrder } from './seed/known-orders';
import { startDemoShop, type DemoShop } from './server';
import { ACME, NORDIC, TINY } from './shops';

let demo: DemoShop;
beforeAll(async () => {
  demo = await startDemoShop({ port: 0, seed: 1, shops: { [TINY]: { graphqlBucket: { max: 60, rate: 1 } } } });
});
afterAll(() => demo.close());

const WISMO = `query Wismo($q: String!) {
  orders(first: 5, query: $q, sortKey: PROCESSED_AT, reverse: true) {
    nodes {
      id legacyResourceId name email createdAt displayFinancialStatus displayFulfillmentStatus statusPageUrl
      totalPriceSet { shopMoney { amount currencyCode } }
      lineItems(first: 20) { nodes { id title quantity unfulfilledQuantity } }
      fulfillments(first: 10) {
        id name status displayStatus estimatedDeliveryAt trackingInfo(first: 5) { company number url }
        events(first: 20, sortKey: HAPPENED_AT, reverse: true) { edges { node { status happenedAt city } } }
        fulfillmentLineItems(first: 20) { nodes { quantity lineItem { id title } } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON off the wire, asserted field by field below
type Node = Record<string, any>;

describe('GraphQL orders', () => {
  it('returns a split shipment by two carriers with events, in Shopify shapes', async () => {
    const k = knownOrder('acme.partially_fulfilled');
    const r = await graphqlRequest<{ orders: { nodes: Node[] } }>(demo, ACME, WISMO, { q: `name:'${k.name}' AND email:'${k.email}'` });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/json');
    const [order] = r.body.data!.orders.nodes;
    expect(order).toMatchObject({ name: k.name, email: k.email, displayFulfillmentStatus: 'PARTIALLY_FULFILLED', displayFinancialStatus: 'PAID' });
    expect(order!.id).toMatch(/^gid:\/\/shopify\/Order\/\d{13}$/);
    expect(order!.legacyResourceId).toBe(order!.id.split('/').pop());
    expect(order!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const carriers = order!.fulfillments.map((f: Node) => f.trackingInfo[0].company);
    expect(carriers).toEqual(['UPS', 'USPS']);
    expect(order!.fulfillments.map((f: Node) => f.displayStatus)).toEqual(['DELIVERED', 'IN_TRANSIT']);
    const events = order!.fulfillments[1].events.edges.map((e: Node) => e.node.happenedAt);
    expect([...events].sort().reverse()).toEqual(events);
    expect(order!.lineItems.nodes.some((l: Node) => l.unfulfilledQuantity > 0)).toBe(true);
    expect(r.body.extensions?.cost).toMatchObject({ requestedQueryCost: expect.any(Number), actualQueryCost: expect.any(Number) });
    expect(r.text).toContain('"maximumAvailable":2000.0');
  });

  it('fetches a single order by id and tolerates unmodelled nullable fields', async () => {
    const order = demo.data.findOrder(ACME, knownOrder('acme.digital').name)!;
    const r = await graphqlRequest<{ order: Node }>(
      demo,
      ACME,
      `{ order(id: "gid://shopify/Order/${order.id}") { name shippingAddress { city } fulfillments { id } lineItems(first: 5) { nodes { requiresShipping } } app { id } } }`,
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.order).toEqual({
      name: order.name,
      shippingAddress: null,
      fulfillments: [],
      lineItems: { nodes: [{ requiresShipping: false }] },
      app: null,
    });
  });

  it('rejects unknown fields with Shopify-shaped validation errors', async () => {
    const r = await graphqlRequest(demo, ACME, '{ orders(first: 1) { edges { node { id customer { defaultEmail } } } } }');
    expect(r.status).toBe(200);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors).toEqual([
      {
        message: "Field 'defaultEmail' doesn't exist on type 'Customer'",
        locations: [{ line: 1, column: 51 }],
        path: ['query', 'orders', 'edges', 'node', 'customer', 'defaultEmail'],
        extensions: { code: 'undefinedField', typeName: 'Customer', fieldName: 'defaultEmail' },
      },
    ]);
  });

  it('reports search warnings in extensions.search', async () => {
    const r = await graphqlRequest<{ orders: { nodes: Node[] } }>(demo, ACME, '{ orders(first: 3, query: "name:1001 colour:blue") { nodes { name } } }');
    expect(r.body.data!.orders.nodes).toEqual([{ name: '#1001' }]);
    expect(r.body.extensions?.search).toEqual([
      expect.objectContaining({ path: ['orders'], warnings: [{ field: 'colour', message: 'Invalid search field for this query.' }] }),
    ]);
  });

  it('paginates with opaque cursors', async () => {
    const q = 'query($after: String) { orders(first: 100, after: $after, sortKey: ID) { nodes { id } pageInfo { hasNextPage endCursor } } }';
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const r: Awaited<ReturnType<typeof graphqlRequest<{ orders: { nodes: Node[]; pageInfo: Node } }>>> = await graphqlRequest(demo, ACME, q, { after });
      const page = r.body.data!.orders;
      seen.push(...page.nodes.map((n: Node) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(300);
    expect(new Set(seen).size).toBe(300);
  });

  it('refuses queries over 1000 points with MAX_COST_EXCEEDED', async () => {
    const r = await graphqlRequest(demo, ACME, '{ orders(first: 100) { nodes { lineItems(first: 100) { nodes { id } } } } }');
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED', maxCost: 1000 });
    expect(r.body.errors?.[0]?.message).toMatch(/^Query cost is \d+, which exceeds the single query max cost limit \(1000\)/);
  });

  it('answers THROTTLED (HTTP 200, no data) once the bucket cannot hold the requested cost', async () => {
    const q = '{ orders(first: 25) { nodes { id name } } }'; // 27 points; TINY bucket holds 60, restores 1/s
    const first = await graphqlRequest(demo, TINY, q);
    expect(first.body.extensions?.cost?.requestedQueryCost).toBe(27);
    let throttled = null;
    for (let i = 0; i < 5 && !throttled; i++) {
      const r = await graphqlRequest(demo, TINY, q);
      if (r.body.errors?.[0]?.extensions?.code === 'THROTTLED') throttled = r;
    }
    expect(throttled).not.toBeNull();
    expect(throttled!.status).toBe(200);
    expect(throttled!.body).not.toHaveProperty('data');
    expect(throttled!.body.errors).toEqual([
      { message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } },
    ]);
    expect(throttled!.body.extensions?.cost).toMatchObject({
      requestedQueryCost: 27,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 60, restoreRate: 1 },
    });
    expect(demo.requestLog.some((e) => e.shop === TINY && e.throttled)).toBe(true);
  });

  it('can force THROTTLED through controls', async () => {
    demo.controls.throttleNext(1, NORDIC);
    const r = await graphqlRequest(demo, NORDIC, '{ shop { name } }');
    expect(r.body.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    const again = await graphqlRequest<{ shop: Node }>(demo, NORDIC, '{ shop { name ianaTimezone } }');
    expect(again.body.data!.shop).toEqual({ name: 'Nordic Threads', ianaTimezone: 'Europe/Stockholm' });
  });

  it('isolates shops that share an order number by token', async () => {
    const q = '{ orders(first: 5, query: "name:1001") { nodes { name email totalPriceSet { shopMoney { currencyCode } } } } }';
    const a = await graphqlRequest<{ orders: { nodes: Node[] } }>(demo, ACME, q);
    const n = await graphqlRequest<{ orders: { nodes: Node[] } }>(demo, NORDIC, q);
    expect(a.body.data!.orders.nodes.map((o: Node) => [o.name, o.totalPriceSet.shopMoney.currencyCode])).toEqual([['#1001', 'USD']]);
    expect(n.body.data!.orders.nodes.map((o: Node) => [o.name, o.totalPriceSet.shopMoney.currencyCode])).toEqual([['NT-1001', 'SEK']]);
    const cross = await graphqlRequest(demo, NORDIC, q, {}, { token: demo.shops[0]!.accessToken });
    expect(cross.status).toBe(401);
    expect(cross.body).toEqual({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
    const viaPlainPath = await fetch(`${demo.url}/admin/api/2025-01/graphql.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': 'shpat_demo_nordic_threads' },
      body: JSON.stringify({ query: q }),
    });
    expect(JSON.stringify(await viaPlainPath.json())).toContain('NT-1001');
  });
});
