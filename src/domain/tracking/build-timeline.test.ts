import { describe, expect, it } from 'vitest';
import { allShipped, FIXTURE_NOW, fulfillment, fulfillmentEvent as ev, lineItem, sourceOrder } from '../../../test/support/source-order-fixture';
import { buildOrderView } from './build-order-view';
import { describeFreshness, formatAge } from './describe-age';

const shoe = lineItem('Trail Runner Shoe', 1, { unfulfilledQuantity: 0 });
const order = sourceOrder({
  processedAt: '2025-03-03T15:15:21Z',
  createdAt: '2025-03-03T15:15:22Z',
  displayFulfillmentStatus: 'FULFILLED',
  lineItems: { nodes: allShipped([shoe]) },
  fulfillments: [
    fulfillment({
      carrier: 'Canada Post',
      number: '7023210039414604',
      createdAt: '2025-03-04T14:01:12Z',
      items: [shoe],
      // Shopify's order (newest first) on purpose.
      events: [
        ev('DELIVERED', '2025-03-07T18:30:00Z', { city: 'Ottawa', message: 'Delivered, front door' }),
        ev('OUT_FOR_DELIVERY', '2025-03-07T12:00:00Z'),
        ev('IN_TRANSIT', '2025-03-05T21:02:10Z', { city: 'Mississauga', province: 'Ontario', country: 'Canada', message: 'Item processed' }),
        ev('CONFIRMED', '2025-03-04T13:00:00Z'),
      ],
    }),
  ],
});

describe('timeline', () => {
  it('runs placed → paid → prepared → shipped → carrier events → delivered, oldest first', () => {
    const v = buildOrderView(order, { now: FIXTURE_NOW, timeZone: 'America/Toronto' });
    expect(v.timeline.map((e) => [e.kind, e.label])).toEqual([
      ['placed', 'Order placed'],
      ['paid', 'Payment received'],
      ['prepared', 'Carrier has the shipment details'],
      ['shipped', 'Shipped'],
      ['carrier_update', 'In transit'],
      ['out_for_delivery', 'Out for delivery'],
      ['delivered', 'Delivered'],
    ]);
    const times = v.timeline.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(v.timeline[4]?.detail).toBe('Item processed · Mississauga, Ontario, Canada');
    expect(v.timeline[3]?.detail).toBe('with Canada Post');
  });

  it('shows timestamps in the shop time zone, ISO alongside', () => {
    const ny = buildOrderView(order, { now: FIXTURE_NOW, timeZone: 'America/New_York' });
    const sthlm = buildOrderView(order, { now: FIXTURE_NOW, timeZone: 'Europe/Stockholm' });
    const tokyo = buildOrderView(order, { now: FIXTURE_NOW, timeZone: 'Asia/Tokyo' });
    expect(ny.timeline[0]).toMatchObject({ at: '2025-03-03T15:15:21.000Z', display: 'Mar 3, 2025, 10:15 AM EST' });
    expect(sthlm.timeline[0]?.display).toBe('Mar 3, 2025, 4:15 PM GMT+1');
    expect(tokyo.timeline[0]?.display).toBe('Mar 4, 2025, 12:15 AM GMT+9');
    // DST starts in New York on 9 March 2025.
    expect(ny.timeline.at(-1)?.display).toBe('Mar 7, 2025, 1:30 PM EST');
    expect(ny.placedAt.display).toBe('Mar 3, 2025, 10:15 AM EST');
  });

  it('ends with the cancellation and the refund when there are some', () => {
    const cancelled = sourceOrder({
      processedAt: '2025-03-03T15:00:00Z',
      cancelledAt: '2025-03-03T18:00:00Z',
      cancelReason: 'INVENTORY',
      displayFinancialStatus: 'REFUNDED',
      refunds: [{ createdAt: '2025-03-03T18:00:05Z', totalRefundedSet: { shopMoney: { amount: '89.90', currencyCode: 'USD' } } }],
    });
    const v = buildOrderView(cancelled, { now: FIXTURE_NOW, timeZone: 'UTC' });
    expect(v.timeline.map((e) => [e.kind, e.detail])).toEqual([
      ['placed', null],
      ['paid', null],
      ['cancelled', 'Items were out of stock'],
      ['refunded', '$89.90'],
    ]);
    expect(v.message).toBe(
      'Your order #1001 was cancelled on Mar 3, 2025, 6:00 PM UTC. A full refund of $89.90 has been issued. It can take a few business days to appear, depending on your bank.',
    );
  });

  it('says when the carrier last updated', () => {
    const v = buildOrderView(order, { now: FIXTURE_NOW, timeZone: 'America/New_York' });
    expect(v.freshness).toEqual({ lastCarrierUpdateAt: '2025-03-07T18:30:00.000Z', text: 'last carrier update 2 days ago' });
    const none = buildOrderView(sourceOrder(), { now: FIXTURE_NOW, timeZone: 'UTC' });
    expect(none.freshness).toEqual({ lastCarrierUpdateAt: null, text: null });
  });
});

describe('ages and freshness in words', () => {
  const now = new Date('2025-03-10T14:14:00Z');
  it.each([
    ['2025-03-10T14:13:40Z', 'just now'],
    ['2025-03-10T14:13:00Z', '1 minute ago'],
    ['2025-03-10T14:02:00Z', '12 minutes ago'],
    ['2025-03-10T11:00:00Z', '3 hours ago'],
    ['2025-03-07T14:00:00Z', '3 days ago'],
    ['2025-03-09T14:14:00Z', '1 day ago'],
    ['2025-03-12T14:14:00Z', 'in 2 days'],
  ])('%s → %s', (at, text) => {
    expect(formatAge(new Date(at), now)).toBe(text);
  });

  it('describeFreshness: clock time today, full date otherwise, in the shop zone', () => {
    expect(describeFreshness('2025-03-10T14:02:00Z', now)).toBe('as of 14:02, 12 minutes ago');
    expect(describeFreshness(new Date('2025-03-10T14:02:00Z'), now, 'Europe/Stockholm')).toBe('as of 15:02, 12 minutes ago');
    expect(describeFreshness('2025-03-08T14:02:00Z', now, 'UTC')).toBe('as of Mar 8, 2025, 2:02 PM UTC, 2 days ago');
    expect(describeFreshness('nonsense', now)).toBe('as of an unknown time');
    expect(describeFreshness('2025-03-10T14:02:00Z', now, 'Not/AZone')).toBe('as of 14:02, 12 minutes ago');
  });
});
