import { describe, expect, it } from 'vitest';
import {
  allShipped,
  daysAgo,
  daysAhead,
  FIXTURE_NOW,
  fulfillment,
  fulfillmentEvent as ev,
  hoursAgo,
  lineItem,
  sourceOrder,
} from '../../../test/support/source-order-fixture';
import type { SourceOrder } from '../orders/source-order';
import { buildOrderView } from './build-order-view';
import { shopperOrderViewSchema, type ShopperOrderView } from './shopper-order-view';
import { ORDER_STATUS_CATEGORIES } from './status-categories';

const ctx = { now: FIXTURE_NOW, timeZone: 'America/New_York' };
const view = (order: SourceOrder): ShopperOrderView => shopperOrderViewSchema.parse(buildOrderView(order, ctx));

const shoe = lineItem('Trail Runner Shoe', 1, { unfulfilledQuantity: 0 });
const socks = lineItem('Running Socks', 2, { unfulfilledQuantity: 0 });
const transit = (extra = {}) =>
  fulfillment({
    items: [shoe],
    events: [
      ev('CONFIRMED', daysAgo(3)),
      ev('IN_TRANSIT', hoursAgo(20), { city: 'Mississauga', province: 'Ontario', country: 'Canada', message: 'Item processed' }),
    ],
    ...extra,
  });
const shipped = (f: ReturnType<typeof fulfillment>[], extra: Partial<SourceOrder> = {}) =>
  sourceOrder({ displayFulfillmentStatus: 'FULFILLED', lineItems: { nodes: allShipped([shoe]) }, fulfillments: f, ...extra });

describe('buildOrderView: status categories', () => {
  const cases: [string, SourceOrder, (typeof ORDER_STATUS_CATEGORIES)[number]][] = [
    ['payment pending', sourceOrder({ displayFinancialStatus: 'PENDING' }), 'payment_pending'],
    ['partially paid', sourceOrder({ displayFinancialStatus: 'PARTIALLY_PAID' }), 'payment_pending'],
    ['paid, unfulfilled', sourceOrder(), 'confirmed'],
    ['authorized, in progress', sourceOrder({ displayFinancialStatus: 'AUTHORIZED', displayFulfillmentStatus: 'IN_PROGRESS' }), 'confirmed'],
    ['scheduled', sourceOrder({ displayFulfillmentStatus: 'SCHEDULED' }), 'confirmed'],
    ['legacy OPEN / PENDING_FULFILLMENT / RESTOCKED', sourceOrder({ displayFulfillmentStatus: 'PENDING_FULFILLMENT' }), 'confirmed'],
    ['on hold', sourceOrder({ displayFulfillmentStatus: 'ON_HOLD' }), 'on_hold'],
    ['request declined', sourceOrder({ displayFulfillmentStatus: 'REQUEST_DECLINED' }), 'on_hold'],
    ['payment voided, not cancelled', sourceOrder({ displayFinancialStatus: 'VOIDED' }), 'payment_problem'],
    ['authorization expired, nothing captured', sourceOrder({ displayFinancialStatus: 'EXPIRED' }), 'payment_problem'],
    ['label printed', shipped([fulfillment({ items: [shoe], events: [ev('LABEL_PRINTED', hoursAgo(5))] })]), 'shipped'],
    ['marked fulfilled without events', shipped([fulfillment({ items: [shoe] })]), 'shipped'],
    ['in transit', shipped([transit()]), 'in_transit'],
    ['carrier picked up', shipped([fulfillment({ items: [shoe], events: [ev('CARRIER_PICKED_UP', hoursAgo(3))] })]), 'in_transit'],
    [
      'out for delivery',
      shipped([fulfillment({ items: [shoe], events: [ev('IN_TRANSIT', hoursAgo(20)), ev('OUT_FOR_DELIVERY', hoursAgo(2))] })]),
      'out_for_delivery',
    ],
    ['attempted delivery', shipped([fulfillment({ items: [shoe], events: [ev('ATTEMPTED_DELIVERY', hoursAgo(2))] })]), 'attempted_delivery'],
    ['ready for pickup', shipped([fulfillment({ items: [shoe], events: [ev('READY_FOR_PICKUP', hoursAgo(2))] })]), 'ready_for_pickup'],
    ['delivered', shipped([fulfillment({ items: [shoe], events: [ev('IN_TRANSIT', daysAgo(2)), ev('DELIVERED', hoursAgo(4))] })]), 'delivered'],
    ['picked up', shipped([fulfillment({ items: [shoe], events: [ev('PICKED_UP', hoursAgo(4))] })]), 'delivered'],
    ['carrier failure', shipped([fulfillment({ items: [shoe], events: [ev('IN_TRANSIT', daysAgo(2)), ev('FAILURE', hoursAgo(4))] })]), 'delivery_problem'],
    ['not delivered', shipped([fulfillment({ items: [shoe], displayStatus: 'NOT_DELIVERED' })]), 'delivery_problem'],
    [
      'cancelled and refunded',
      sourceOrder({
        cancelledAt: daysAgo(4),
        cancelReason: 'CUSTOMER',
        displayFinancialStatus: 'REFUNDED',
        totalRefundedSet: { shopMoney: { amount: '89.90', currencyCode: 'USD' } },
      }),
      'cancelled',
    ],
    ['cancelled, payment voided', sourceOrder({ cancelledAt: daysAgo(4), displayFinancialStatus: 'VOIDED' }), 'cancelled'],
    ['delivered then refunded in full', shipped([transit()], { displayFinancialStatus: 'REFUNDED' }), 'refunded'],
    [
      'refunded total without status',
      sourceOrder({ displayFinancialStatus: 'PAID', totalRefundedSet: { shopMoney: { amount: '89.90', currencyCode: 'USD' } } }),
      'refunded',
    ],
    [
      'digital (requiresShipping)',
      sourceOrder({ shippingAddress: null, lineItems: { nodes: [lineItem('E-book', 1, { requiresShipping: false })] } }),
      'digital',
    ],
    ['digital (fulfilled, no parcel, no address)', sourceOrder({ shippingAddress: null, displayFulfillmentStatus: 'FULFILLED' }), 'digital'],
  ];
  it.each(cases)('%s → %s', (_name, order, expected) => {
    const v = view(order);
    expect(v.status).toBe(expected);
    expect(v.headline.length).toBeGreaterThan(0);
    expect(v.message).toContain(order.name);
  });

  it('partially shipped: one parcel on its way, another item still unshipped', () => {
    const order = sourceOrder({
      displayFulfillmentStatus: 'PARTIALLY_FULFILLED',
      lineItems: { nodes: [shoe, lineItem('Running Socks', 2)] },
      fulfillments: [transit()],
    });
    const v = view(order);
    expect(v.status).toBe('partially_shipped');
    expect(v.unshippedItemCount).toBe(2);
    expect(v.shipmentSummary).toBe('1 package, in transit, 2 items not shipped yet');
  });

  it('a partial refund is a note, never hiding where the parcel is', () => {
    const v = view(
      shipped([transit()], { displayFinancialStatus: 'PARTIALLY_REFUNDED', totalRefundedSet: { shopMoney: { amount: '12.50', currencyCode: 'USD' } } }),
    );
    expect(v.status).toBe('in_transit');
    expect(v.refund).toMatchObject({ kind: 'partial', amount: { amount: '12.50' } });
    expect(v.message).toContain('A partial refund of $12.50 has been issued.');
  });

  it('a cancelled order says how the money went', () => {
    const refunded = view(
      sourceOrder({ cancelledAt: daysAgo(4), displayFinancialStatus: 'REFUNDED', totalRefundedSet: { shopMoney: { amount: '89.90', currencyCode: 'USD' } } }),
    );
    expect(refunded.cancellation?.note).toContain('A full refund of $89.90 has been issued');
    expect(refunded.refund?.kind).toBe('full');
    const voided = view(sourceOrder({ cancelledAt: daysAgo(4), displayFinancialStatus: 'VOIDED' }));
    expect(voided.message).toContain("you haven't been charged");
    expect(voided.refund).toBeNull();
  });

  it('cancelled orders still list what was ordered', () => {
    const v = view(sourceOrder({ cancelledAt: daysAgo(4), lineItems: { nodes: [lineItem('Mug', 2, { currentQuantity: 0 })] } }));
    expect(v.items).toEqual([{ title: 'Mug', variantTitle: null, quantity: 2 }]);
  });

  it('leaves cancelled and failed fulfillments out', () => {
    const v = view(sourceOrder({ fulfillments: [fulfillment({ status: 'CANCELLED', items: [shoe] }), fulfillment({ status: 'ERROR', items: [shoe] })] }));
    expect(v.shipments).toEqual([]);
    expect(v.status).toBe('confirmed');
  });
});

describe('buildOrderView: unknown values never throw', () => {
  it.each([
    ['fulfillment status', sourceOrder({ displayFulfillmentStatus: 'TELEPORTED' }), 'confirmed'],
    ['financial status', sourceOrder({ displayFinancialStatus: 'CRYPTO_MAYBE' }), 'confirmed'],
    ['fulfillment displayStatus', shipped([fulfillment({ items: [shoe], displayStatus: 'HOVERING' })]), 'shipped'],
    ['event status', shipped([fulfillment({ items: [shoe], displayStatus: null, events: [ev('QUANTUM_TUNNEL', hoursAgo(1))] })]), 'shipped'],
  ])('%s', (_name, order, expected) => {
    const v = view(order);
    expect(v.status).toBe(expected);
  });

  it('survives a bad time zone and broken timestamps', () => {
    const order = shipped([fulfillment({ items: [shoe], createdAt: 'not a date', events: [ev('IN_TRANSIT', 'garbage'), ev('IN_TRANSIT', hoursAgo(2))] })]);
    const v = shopperOrderViewSchema.parse(buildOrderView(order, { now: FIXTURE_NOW, timeZone: 'Mars/Olympus_Mons' }));
    expect(v.timeZone).toBe('UTC');
    expect(v.status).toBe('in_transit');
    expect(v.timeline.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });
});

describe('buildOrderView: split shipments', () => {
  it('"1 of 2 packages delivered" with different carriers', () => {
    const order = shipped(
      [
        fulfillment({ carrier: 'DHL Express', number: '1234567890', items: [shoe], events: [ev('IN_TRANSIT', hoursAgo(10))] }),
        fulfillment({ carrier: 'Canada Post', number: '7023210039414604', items: [socks], events: [ev('DELIVERED', hoursAgo(3))] }),
      ],
      { lineItems: { nodes: allShipped([shoe, socks]) } },
    );
    const v = view(order);
    expect(v.status).toBe('partially_delivered');
    expect(v.shipmentSummary).toBe('1 of 2 packages delivered');
    expect(v.shipments.map((s) => [s.label, s.carrier, s.status])).toEqual([
      ['Package 1 of 2', 'DHL Express', 'in_transit'],
      ['Package 2 of 2', 'Canada Post', 'delivered'],
    ]);
    expect(v.shipments[0]?.items).toEqual([{ title: 'Trail Runner Shoe', variantTitle: null, quantity: 1 }]);
    expect(v.shipments[1]?.items).toEqual([{ title: 'Running Socks', variantTitle: null, quantity: 2 }]);
    expect(v.message).toContain('The rest is on its way with DHL Express');
  });

  it('all delivered, none delivered, and an urgent parcel taking precedence', () => {
    const d = () => fulfillment({ items: [shoe], events: [ev('DELIVERED', hoursAgo(3))] });
    const t = () => fulfillment({ items: [shoe], events: [ev('IN_TRANSIT', hoursAgo(3))] });
    const o = () => fulfillment({ items: [shoe], events: [ev('OUT_FOR_DELIVERY', hoursAgo(1))] });
    expect(view(shipped([d(), d()]))).toMatchObject({ status: 'delivered', shipmentSummary: 'All 2 packages delivered' });
    expect(view(shipped([t(), t()]))).toMatchObject({ status: 'in_transit', shipmentSummary: '2 packages, none delivered yet' });
    expect(view(shipped([d(), o()]))).toMatchObject({ status: 'out_for_delivery', shipmentSummary: '1 of 2 packages delivered' });
  });
});

describe('buildOrderView: privacy and plain text', () => {
  const hostile = sourceOrder({
    email: 'Jane.Doe@Example.com',
    shippingAddress: { firstName: '<img src=x onerror=alert(1)>', city: 'Ottawa', country: 'Canada', countryCodeV2: 'CA' },
    lineItems: { nodes: [lineItem('<script>alert(1)</script> Enamel Camp Mug', 1, { variantTitle: '"><b>Blue</b>' })] },
  });

  it('keeps hostile titles verbatim as plain text (renderers escape)', () => {
    const v = view(hostile);
    expect(v.items[0]).toEqual({ title: '<script>alert(1)</script> Enamel Camp Mug', variantTitle: '"><b>Blue</b>', quantity: 1 });
    expect(v.customerFirstName).toBe('<img src=x onerror=alert(1)>');
    // Our own templates never produce markup.
    for (const text of [v.headline, v.message, ...v.timeline.map((e) => e.label)]) expect(text).not.toMatch(/[<>]/);
  });

  it('drops control and bidi-override characters', () => {
    const v = view(sourceOrder({ lineItems: { nodes: [lineItem('Mug\u202E\u0007 deluxe\n\n', 1)] } }));
    expect(v.items[0]?.title).toBe('Mug deluxe');
  });

  it('holds no street address, phone, payment details or full email', () => {
    const raw = {
      ...hostile,
      shippingAddress: { ...hostile.shippingAddress, address1: "151 O'Connor St", zip: 'K2P 2L8', phone: '+1 613 555 0101' },
    } as SourceOrder;
    const text = JSON.stringify(buildOrderView(raw, ctx));
    expect(text).not.toContain("O'Connor");
    expect(text).not.toContain('K2P');
    expect(text).not.toContain('555');
    expect(text).not.toContain('jane.doe@');
    expect(text.toLowerCase()).not.toContain('jane.doe');
    const v = view(hostile);
    expect(v.maskedEmail).toBe('j***@example.com');
    expect(v.destination).toEqual({ city: 'Ottawa', country: 'Canada' });
    expect(Object.keys(v).sort()).toEqual(Object.keys(shopperOrderViewSchema.shape).sort());
  });
});

describe('buildOrderView: messages', () => {
  it('states the carrier and the estimated delivery', () => {
    const v = view(shipped([transit({ carrier: 'FedEx', number: '123456789012', estimatedDeliveryAt: daysAhead(2) })]));
    expect(v.headline).toBe('On its way');
    expect(v.message).toBe('Your order #1001 is on its way with FedEx. Estimated delivery: Wednesday, March 12.');
  });

  it('says so when the carrier went quiet, and drops an estimate that has passed', () => {
    const stale = shipped([fulfillment({ items: [shoe], estimatedDeliveryAt: daysAgo(2), events: [ev('IN_TRANSIT', daysAgo(8))] })]);
    const v = view(stale);
    expect(v.message).toContain("The carrier hasn't updated the tracking for a few days.");
    expect(v.message).not.toContain('Estimated delivery');
    expect(v.freshness.text).toBe('last carrier update 8 days ago');
  });

  it('is honest about missing tracking', () => {
    const v = view(shipped([fulfillment({ carrier: null, number: null, items: [shoe] })]));
    expect(v.message).toBe("Your order #1001 has been handed over for shipping. The store hasn't shared tracking details for it.");
  });

  it('names the shop when given, as plain text', () => {
    const v = buildOrderView(sourceOrder({ displayFulfillmentStatus: 'ON_HOLD' }), { ...ctx, shopName: 'Acme Outdoors' });
    expect(v.message).toBe(
      "Your order #1001 is on hold with Acme Outdoors for the moment, so it hasn't shipped yet. The Acme Outdoors team can tell you more if you contact them.",
    );
  });

  it('is deterministic for the same order and clock', () => {
    const order = shipped([transit()]);
    expect(buildOrderView(order, ctx)).toEqual(buildOrderView(order, ctx));
  });

  it('says when a single parcel was delivered, and where', () => {
    const v = view(shipped([fulfillment({ items: [shoe], events: [ev('DELIVERED', '2025-03-08T17:05:00Z')] })]));
    expect(v.message).toBe(
      "Your order #1001 was delivered on Mar 8, 2025, 12:05 PM EST in Ottawa. If you can't find it, check around your door or with neighbours, then contact the store.",
    );
    expect(v.shipmentSummary).toBe('1 package, delivered');
  });
});
