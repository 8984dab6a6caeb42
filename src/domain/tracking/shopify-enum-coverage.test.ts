/**
 * Every value of every Shopify enum that decides what a shopper hears, read from the pinned Admin schema (the
 * same file as /work/shared/shopify/admin-schema-2025-01.graphql), must have a row here: a new value in a new
 * schema fails the "rows match the schema" test instead of falling through silently. Each row states the
 * category and a phrase of the specific message.
 */
import { readFileSync } from 'node:fs';
import { parse, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  daysAgo,
  daysAhead,
  FIXTURE_NOW,
  fulfillment,
  fulfillmentEvent as ev,
  allShipped,
  lineItem,
  sourceOrder,
} from '../../../test/support/source-order-fixture';
import type { SourceFulfillmentOrder, SourceOrder } from '../orders/source-order';
import { buildOrderView } from './build-order-view';
import { shopperOrderViewSchema } from './shopper-order-view';
import type { OrderStatusCategory } from './status-categories';

const SCHEMA = new URL('../../../demo-shop/schema/admin-schema-2025-01.graphql', import.meta.url);

function enumValues(name: string): string[] {
  const document = parse(readFileSync(SCHEMA, 'utf8'));
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === name) return (definition.values ?? []).map((v) => v.name.value).sort();
  }
  throw new Error(`enum ${name} not in the schema`);
}

const view = (order: SourceOrder) => shopperOrderViewSchema.parse(buildOrderView(order, { now: FIXTURE_NOW, timeZone: 'America/New_York', shopName: 'Acme' }));
const fo = (extra: Partial<SourceFulfillmentOrder> = {}): SourceFulfillmentOrder => ({
  status: 'OPEN',
  fulfillAt: null,
  fulfillmentHolds: [],
  deliveryMethod: { methodType: 'SHIPPING' },
  assignedLocation: null,
  ...extra,
});
const withFo = (extra: Partial<SourceFulfillmentOrder>, order: Partial<SourceOrder> = {}) =>
  sourceOrder({ fulfillmentOrders: { nodes: [fo(extra)] }, ...order });
const shoe = lineItem('Trail Runner Shoe', 1, { unfulfilledQuantity: 0 });
const shippedWith = (displayStatus: string, events: string[] = []) =>
  sourceOrder({
    displayFulfillmentStatus: 'FULFILLED',
    lineItems: { nodes: allShipped([shoe]) },
    fulfillments: [fulfillment({ items: [shoe], displayStatus, events: events.map((status, i) => ev(status, daysAgo(2 - i * 0.1))) })],
  });

type Row = [category: OrderStatusCategory, phrase: RegExp];

/** Nothing shipped, financial status varies (orders placed 5 days ago, unless the row says otherwise). */
const FINANCIAL: Record<string, Row> = {
  AUTHORIZED: ['confirmed', /payment is authorised; Acme takes it when the order ships/],
  EXPIRED: ['payment_problem', /didn't go through: the card authorisation expired.*haven't been charged.*in touch about how to pay/],
  PAID: ['confirmed', /is confirmed and Acme is preparing it/],
  PARTIALLY_PAID: ['payment_pending', /part of the payment; the rest is still due/],
  PARTIALLY_REFUNDED: ['confirmed', /partial refund/],
  PENDING: ['payment_pending', /payment hasn't been completed yet/],
  REFUNDED: ['refunded', /refunded in full/],
  VOIDED: ['payment_problem', /was cancelled \(voided\).*haven't been charged/],
};

const FULFILLMENT: Record<string, Row> = {
  FULFILLED: ['confirmed', /is confirmed/],
  IN_PROGRESS: ['confirmed', /is confirmed and Acme is preparing it/],
  ON_HOLD: ['on_hold', /on hold with Acme/],
  OPEN: ['confirmed', /is confirmed/],
  PARTIALLY_FULFILLED: ['confirmed', /is confirmed/],
  PENDING_FULFILLMENT: ['confirmed', /is confirmed/],
  REQUEST_DECLINED: ['on_hold', /on hold with Acme/],
  RESTOCKED: ['confirmed', /is confirmed/],
  SCHEDULED: ['confirmed', /is confirmed/],
  UNFULFILLED: ['confirmed', /is confirmed/],
};

const FULFILLMENT_ORDER: Record<string, Row> = {
  CANCELLED: ['confirmed', /is confirmed/],
  CLOSED: ['confirmed', /is confirmed/],
  INCOMPLETE: ['confirmed', /is confirmed/],
  IN_PROGRESS: ['confirmed', /is confirmed/],
  ON_HOLD: ['on_hold', /on hold with Acme.*can tell you more/],
  OPEN: ['confirmed', /is confirmed/],
  SCHEDULED: ['confirmed', /scheduled: Acme will start preparing it on \w+day, March 20/],
};

const HOLD_REASON: Record<string, Row> = {
  AWAITING_PAYMENT: ['payment_pending', /payment hasn't been completed/],
  AWAITING_RETURN_ITEMS: ['on_hold', /waiting to receive the items you're sending back/],
  HIGH_RISK_OF_FRAUD: ['on_hold', /reviewing the order before shipping it, which is a routine check/],
  INCORRECT_ADDRESS: ['on_hold', /needs to check the delivery address/],
  INVENTORY_OUT_OF_STOCK: ['on_hold', /waiting for new stock/],
  ONLINE_STORE_POST_PURCHASE_CROSS_SELL: ['confirmed', /is confirmed/],
  OTHER: ['on_hold', /can tell you more if you contact them/],
  UNKNOWN_DELIVERY_DATE: ['on_hold', /once Acme has a delivery date/],
};

const DELIVERY_METHOD: Record<string, Row> = {
  LOCAL: ['confirmed', /Acme delivers it locally, \w+day, March 11, between 14:00 and 17:00\./],
  NONE: ['confirmed', /tracking details as soon as it ships/],
  PICKUP_POINT: ['confirmed', /tracking details as soon as it ships/],
  PICK_UP: ['confirmed', /being prepared for pickup at Acme Store, 12 Market St, Ottawa\. It can be collected from Mar 11/],
  RETAIL: ['confirmed', /tracking details as soon as it ships/],
  SHIPPING: ['confirmed', /tracking details as soon as it ships/],
};

/** One package with this display status (and, for the event enum, a latest carrier event). */
const DISPLAY: Record<string, Row> = {
  ATTEMPTED_DELIVERY: ['attempted_delivery', /tried to deliver/],
  CANCELED: ['confirmed', /is confirmed/],
  CARRIER_PICKED_UP: ['in_transit', /on its way/],
  CONFIRMED: ['shipped', /handed over for shipping/],
  DELAYED: ['in_transit', /on its way/],
  DELIVERED: ['delivered', /was delivered/],
  FAILURE: ['delivery_problem', /reported a problem/],
  FULFILLED: ['shipped', /handed over for shipping/],
  IN_TRANSIT: ['in_transit', /on its way/],
  LABEL_PRINTED: ['shipped', /handed over for shipping/],
  LABEL_PURCHASED: ['shipped', /handed over for shipping/],
  LABEL_VOIDED: ['confirmed', /is confirmed/],
  MARKED_AS_FULFILLED: ['shipped', /handed over for shipping/],
  NOT_DELIVERED: ['delivery_problem', /reported a problem/],
  OUT_FOR_DELIVERY: ['out_for_delivery', /out for delivery/],
  PICKED_UP: ['delivered', /was delivered/],
  READY_FOR_PICKUP: ['ready_for_pickup', /pickup point/],
  SUBMITTED: ['shipped', /handed over for shipping/],
};

const EVENT: Record<string, Row> = {
  ATTEMPTED_DELIVERY: ['attempted_delivery', /tried to deliver/],
  CARRIER_PICKED_UP: ['in_transit', /on its way/],
  CONFIRMED: ['shipped', /handed over for shipping/],
  DELAYED: ['in_transit', /carrier has reported a delay/],
  DELIVERED: ['delivered', /was delivered/],
  FAILURE: ['delivery_problem', /reported a problem/],
  IN_TRANSIT: ['in_transit', /on its way/],
  LABEL_PRINTED: ['shipped', /handed over for shipping/],
  LABEL_PURCHASED: ['shipped', /handed over for shipping/],
  OUT_FOR_DELIVERY: ['out_for_delivery', /out for delivery/],
  PICKED_UP: ['delivered', /was delivered/],
  READY_FOR_PICKUP: ['ready_for_pickup', /pickup point/],
};

const FULFILLMENT_STATUS: Record<string, Row> = {
  CANCELLED: ['confirmed', /is confirmed/],
  ERROR: ['confirmed', /is confirmed/],
  FAILURE: ['confirmed', /is confirmed/],
  // Deprecated: a fulfillment handed to a fulfillment service that has not reported back yet.
  OPEN: ['shipped', /handed over for shipping/],
  PENDING: ['shipped', /handed over for shipping/],
  SUCCESS: ['shipped', /handed over for shipping/],
};

const pickupPlace = { name: 'Acme Store', address1: '12 Market St', city: 'Ottawa' };
const TABLES: Array<[enumName: string, rows: Record<string, Row>, build: (value: string) => SourceOrder]> = [
  [
    'OrderDisplayFinancialStatus',
    FINANCIAL,
    (value) =>
      sourceOrder({
        displayFinancialStatus: value,
        ...(value.includes('REFUNDED') ? { totalRefundedSet: { shopMoney: { amount: value === 'REFUNDED' ? '89.90' : '10.00', currencyCode: 'USD' } } } : {}),
      }),
  ],
  ['OrderDisplayFulfillmentStatus', FULFILLMENT, (value) => sourceOrder({ displayFulfillmentStatus: value })],
  [
    'FulfillmentOrderStatus',
    FULFILLMENT_ORDER,
    (value) =>
      withFo(
        { status: value, fulfillAt: value === 'SCHEDULED' ? daysAhead(10) : null },
        { displayFulfillmentStatus: value === 'ON_HOLD' ? 'ON_HOLD' : 'UNFULFILLED' },
      ),
  ],
  [
    'FulfillmentHoldReason',
    HOLD_REASON,
    (value) => withFo({ status: 'ON_HOLD', fulfillmentHolds: [{ reason: value }] }, { displayFulfillmentStatus: 'ON_HOLD' }),
  ],
  [
    'DeliveryMethodType',
    DELIVERY_METHOD,
    (value) =>
      withFo({
        deliveryMethod: {
          methodType: value,
          minDeliveryDateTime: '2025-03-11T18:00:00Z',
          maxDeliveryDateTime: value === 'LOCAL' ? '2025-03-11T21:00:00Z' : null,
        },
        assignedLocation: pickupPlace,
      }),
  ],
  ['FulfillmentDisplayStatus', DISPLAY, (value) => shippedWith(value)],
  [
    'FulfillmentEventStatus',
    EVENT,
    (value) =>
      shippedWith(
        'FULFILLED',
        ['LABEL_PRINTED', value].filter((s, i) => i === 1 || s !== value),
      ),
  ],
  [
    'FulfillmentStatus',
    FULFILLMENT_STATUS,
    (value) => {
      const order = shippedWith('FULFILLED');
      const dropped = ['CANCELLED', 'ERROR', 'FAILURE'].includes(value);
      return {
        ...order,
        ...(dropped ? { displayFulfillmentStatus: 'UNFULFILLED', lineItems: { nodes: [lineItem('Trail Runner Shoe')] } } : {}),
        fulfillments: order.fulfillments.map((f) => ({ ...f, status: value })),
      };
    },
  ],
];

describe.each(TABLES)('every %s value of the pinned schema', (enumName, rows, build) => {
  it('has a row (a value added to the schema must be given a category and a message here)', () => {
    expect(Object.keys(rows).sort()).toEqual(enumValues(enumName));
  });

  it.each(Object.entries(rows))('%s → %j', (value, [category, phrase]) => {
    const result = view(build(value));
    expect(result.status).toBe(category);
    expect(result.message).toMatch(phrase);
  });
});

describe('payment wording', () => {
  it('warns that an authorisation older than a week may have lapsed', () => {
    const old = view(sourceOrder({ displayFinancialStatus: 'AUTHORIZED', createdAt: daysAgo(16), processedAt: daysAgo(16) }));
    expect(old.status).toBe('confirmed');
    expect(old.message).toMatch(/authorisations usually lapse after about a week: Acme may need to ask you to pay again/);
  });

  it('never shows the merchant’s internal hold notes', () => {
    const order = withFo(
      { status: 'ON_HOLD', fulfillmentHolds: [{ reason: 'OTHER', reasonNotes: 'customer is a known chargeback risk' } as { reason: string }] },
      { displayFulfillmentStatus: 'ON_HOLD' },
    );
    expect(JSON.stringify(view(order))).not.toContain('chargeback');
  });
});
