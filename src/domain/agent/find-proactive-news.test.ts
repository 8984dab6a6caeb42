import { describe, expect, it } from 'vitest';
import { toOrderRecord } from '../orders/order-record';
import { FIXTURE_NOW, sourceOrder } from '../../../test/support/source-order-fixture';
import type { ShipmentView, ShopperOrderView } from '../tracking/shopper-order-view';
import { shipmentView } from '../tracking/shopper-order-view.fixtures';
import type { AccessibleOrder } from './agent-deps';
import { findProactiveNews } from './find-proactive-news';

const base = toOrderRecord(sourceOrder(), { now: FIXTURE_NOW, timeZone: 'UTC', hashEmail: (e) => `h:${e}` });
const DAY = 24 * 60 * 60 * 1000;

function order(id: string, status: ShopperOrderView['status'], shipment: Partial<ShipmentView> | null = null): AccessibleOrder {
  const shipments: ShipmentView[] = shipment
    ? [
        shipmentView(`s-${id}`, 'in_transit', {
          label: 'Package 1 of 1',
          statusLabel: 'In transit',
          trackingNumber: '1Z999',
          trackingUrl: 'https://www.ups.com/track?tracknum=1Z999',
          ...shipment,
        }),
      ]
    : [];
  const view = { ...base.view, orderId: id, orderName: `#${id}`, status, shipments };
  return { record: { ...base, orderId: id, orderName: `#${id}`, view }, stale: false };
}

const event = (daysAgo: number) => ({
  status: 'IN_TRANSIT',
  label: 'In transit',
  message: null,
  location: null,
  at: new Date(FIXTURE_NOW.getTime() - daysAgo * DAY).toISOString(),
  display: 'x',
  age: `${daysAgo} days ago`,
});

describe('findProactiveNews', () => {
  it('says nothing without orders, or when nothing is news', () => {
    expect(findProactiveNews([], {}, FIXTURE_NOW)).toBeNull();
    expect(findProactiveNews([order('1', 'in_transit', {}), order('2', 'confirmed')], {}, FIXTURE_NOW)).toBeNull();
    // Delivered is news only to someone who saw it undelivered.
    expect(findProactiveNews([order('3', 'delivered', { status: 'delivered' })], {}, FIXTURE_NOW)).toBeNull();
    expect(findProactiveNews([order('3', 'delivered', { status: 'delivered' })], { '3': 'delivered' }, FIXTURE_NOW)).toBeNull();
  });

  it.each([
    ['out_for_delivery', order('10', 'out_for_delivery', { status: 'out_for_delivery' }), {}, /^Order #10 is out for delivery and should arrive today\.$/],
    ['attempt_failed', order('11', 'attempted_delivery', { status: 'attempted_delivery' }), {}, /tried to deliver order #11 but couldn't; .*rebook/],
    ['ready_for_pickup', order('12', 'ready_for_pickup'), {}, /^Order #12 is ready to collect/],
    ['no_scan', order('13', 'in_transit', { delayReason: 'no_recent_scan', possiblyDelayed: true, latestEvent: event(6) }), {}, /no carrier update for 6 days/],
    [
      'delivered',
      order('14', 'delivered', { status: 'delivered', deliveredAt: { at: FIXTURE_NOW.toISOString(), display: 'Mar 9, 2:00 PM' } }),
      { '14': 'in_transit' },
      /^Good news: order #14 was delivered \(Mar 9, 2:00 PM\)\.$/,
    ],
  ] as const)('leads with %s in one sentence', (kind, candidate, seen, text) => {
    const news = findProactiveNews([candidate], seen, FIXTURE_NOW);
    expect(news?.kind).toBe(kind);
    expect(news?.text).toMatch(text);
    expect(news?.order.record.orderId).toBe(candidate.record.orderId);
  });

  it('picks the most pressing order: a failed attempt before an order out for delivery', () => {
    const news = findProactiveNews(
      [order('20', 'out_for_delivery', { status: 'out_for_delivery' }), order('21', 'attempted_delivery', { status: 'attempted_delivery' })],
      {},
      FIXTURE_NOW,
    );
    expect(news?.order.record.orderId).toBe('21');
  });
});
