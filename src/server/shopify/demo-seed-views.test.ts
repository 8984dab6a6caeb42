/**
 * Runs buildOrderView over every seeded order of every demo shop, fetched in-process through the demo shop's
 * GraphQL schema and resolvers with the app's real order fragment, so the SourceOrder shape is the one the
 * lookup service will see. Known fixtures must land in the category their state implies.
 */
import { domainToUnicode } from 'node:url';
import { execute, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAdminSchema } from '../../../demo-shop/graphql-schema';
import { createRootValue, fieldResolver, type GraphqlContext } from '../../../demo-shop/graphql-resolvers';
import { DEMO_APP, WebhookSubscriptionRegistry } from '../../../demo-shop/webhook-subscriptions';
import { KNOWN_ORDERS, type OrderState } from '../../../demo-shop/seed/known-orders';
import { buildShopConfigs } from '../../../demo-shop/shops';
import { DemoStore } from '../../../demo-shop/store';
import { learnOrderNameFormat } from '@/domain/orders/order-name-format';
import { sourceOrderSchema, type SourceOrder } from '@/domain/orders/source-order';
import { parseOrderReference } from '@/domain/orders/parse-order-reference';
import { matchOrder } from '@/domain/verification/match-order';
import { buildOrderView } from '@/domain/tracking/build-order-view';
import { shopperOrderViewSchema } from '@/domain/tracking/shopper-order-view';
import type { OrderStatusCategory } from '@/domain/tracking/status-categories';
import { SEARCH_ORDERS_QUERY } from './order-query';

const NOW_MS = Date.parse('2025-06-15T12:00:00Z');
const EXPECTED: Record<OrderState, OrderStatusCategory> = {
  payment_pending: 'payment_pending',
  unfulfilled: 'confirmed',
  on_hold: 'on_hold',
  label_printed: 'shipped',
  confirmed: 'shipped',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  attempted_delivery: 'attempted_delivery',
  ready_for_pickup: 'ready_for_pickup',
  delivered: 'delivered',
  delivery_failure: 'delivery_problem',
  partially_fulfilled: 'partially_delivered',
  split_shipment: 'partially_delivered',
  stuck_in_transit: 'in_transit',
  no_tracking: 'shipped',
  tracking_without_url: 'in_transit',
  cancelled: 'cancelled',
  refunded: 'refunded',
  partially_refunded: 'delivered',
  digital: 'digital',
  pos_pickup: 'delivered',
  payment_expired: 'payment_problem',
  payment_voided: 'payment_problem',
  partially_paid: 'payment_pending',
  authorized_old: 'confirmed',
  on_hold_address: 'on_hold',
  scheduled: 'confirmed',
  local_delivery: 'confirmed',
  store_pickup: 'confirmed',
  store_pickup_ready: 'ready_for_pickup',
};

/** The production fragment, and one with the optional fields (requiresShipping, refunds) the view can use. */
const QUERIES = {
  production: SEARCH_ORDERS_QUERY,
  extended: SEARCH_ORDERS_QUERY.replace('unfulfilledQuantity }', 'unfulfilledQuantity requiresShipping }').replace(
    'fulfillments(first: 10) {',
    'refunds(first: 5) { createdAt totalRefundedSet { shopMoney { amount currencyCode } } }\n    fulfillments(first: 10) {',
  ),
};

async function fetchAll(store: DemoStore, domain: string, query: string): Promise<SourceOrder[]> {
  const { schema } = loadAdminSchema();
  const shop = store.shop(domain)!;
  const orders: SourceOrder[] = [];
  let after: string | null = null;
  for (;;) {
    const context: GraphqlContext = {
      shop,
      store,
      scopes: shop.scopes,
      nowMs: NOW_MS,
      search: [],
      actualCost: 0,
      subscriptions: new WebhookSubscriptionRegistry({ allowLoopbackHttp: true }),
      app: DEMO_APP,
    };
    const result = await execute({
      schema,
      document: parse(query),
      rootValue: createRootValue(context),
      contextValue: context,
      fieldResolver,
      variableValues: { query: '', first: 100, after },
    });
    expect(result.errors ?? []).toEqual([]);
    const page = (result.data as { orders: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }).orders;
    orders.push(...page.nodes.map((n) => sourceOrderSchema.parse(n)));
    if (!page.pageInfo.hasNextPage) return orders;
    after = page.pageInfo.endCursor;
  }
}

describe.each(Object.entries(QUERIES))('every seeded demo order (%s query)', (_label, query) => {
  const store = new DemoStore(buildShopConfigs(), 7, NOW_MS);
  const fetched = new Map<string, SourceOrder[]>();
  beforeAll(async () => {
    for (const s of store.shops) fetched.set(s.domain, await fetchAll(store, s.domain, query));
  });

  it.each(store.shops.map((s) => [s.domain, s] as const))('%s: builds a valid view for every order', (domain, shop) => {
    const orders = fetched.get(domain) ?? [];
    expect(orders.length).toBe(shop.orderCount);
    const histogram: Record<string, number> = {};
    for (const order of orders) {
      const view = shopperOrderViewSchema.parse(buildOrderView(order, { now: new Date(NOW_MS), timeZone: shop.timezone }));
      const json = JSON.stringify(view);
      if (order.email) expect(json.toLowerCase()).not.toContain(order.email.toLowerCase());
      expect(json).not.toMatch(/"(address1|zip|phone|lastName)"/);
      for (const s of view.shipments) if (s.trackingUrl) expect(s.trackingUrl.startsWith('https://')).toBe(true);
      if (view.status === 'delivered') expect(view.shipments.every((s) => s.estimatedDelivery === null)).toBe(true);
      histogram[view.status] = (histogram[view.status] ?? 0) + 1;
    }
    if (process.env.PRINT_HISTOGRAM) console.log(domain, histogram);
    expect(Object.keys(histogram).length).toBeGreaterThanOrEqual(5);
  });

  it.each(KNOWN_ORDERS.map((k) => [k.key, k] as const))('%s is in the expected category', (_key, known) => {
    const shop = store.shop(known.shop)!;
    const order = fetched.get(known.shop)?.find((o) => o.name === known.name);
    expect(order, `${known.name} in ${known.shop}`).toBeDefined();
    if (!order) return;
    const view = buildOrderView(order, { now: new Date(NOW_MS), timeZone: shop.timezone });
    expect(view.status).toBe(EXPECTED[known.state]);
    switch (known.state) {
      case 'partially_fulfilled':
        expect(view.shipmentSummary).toBe('1 of 2 packages delivered, 1 item not shipped yet');
        break;
      case 'split_shipment':
        expect(view.shipmentSummary).toBe('1 of 2 packages delivered');
        expect(new Set(view.shipments.map((s) => s.carrier))).toEqual(new Set(known.carriers));
        break;
      case 'stuck_in_transit':
        expect(view.shipments[0]).toMatchObject({ possiblyDelayed: true, delayReason: 'no_recent_scan', estimatedDelivery: null });
        break;
      case 'tracking_without_url':
        expect(view.shipments[0]?.trackingUrl).toMatch(/^https:\/\/www\.dhl\.com\//);
        break;
      case 'no_tracking':
        expect(view.shipments[0]).toMatchObject({ trackingUrl: null, trackingNote: 'No tracking yet' });
        break;
      case 'partially_refunded':
        expect(view.refund?.kind).toBe('partial');
        break;
      case 'cancelled':
        expect(view.cancellation).not.toBeNull();
        break;
    }
    if (known.productTitle) expect(view.items[0]?.title).toBe(known.productTitle);
    // An internationalised domain is shown as the shopper writes it (`bücher.de`, not `xn--bcher-kva.de`).
    expect(view.maskedEmail).toBe(known.email ? `${known.email[0]!.toLowerCase()}***@${domainToUnicode(known.email.split('@')[1]!)}` : null);
    expect(view.customerFirstName).toBe(known.firstName);

    // The verification rule accepts the fixture with its own email in any casing, unless it is a test or POS order.
    const format = learnOrderNameFormat(order.name);
    const ref = parseOrderReference(String(known.orderNumber), format);
    const result = matchOrder([order], ref, (known.email ?? 'nobody@example.com').toUpperCase(), format);
    expect(result.ok).toBe(!known.test && known.email !== null);
  });
});
