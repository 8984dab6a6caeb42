import { describe, expect, it } from 'vitest';
import { computeCarrierPerformance, deliveredShipments, findProblemOrders } from './order-health';
import { NOW, daysAgo, order, scan, shipment } from './order-health.fixtures';

describe('findProblemOrders', () => {
  it('flags paid-unshipped past N days, silent shipments past M days, failed and attempted deliveries, failed payments', () => {
    const orders = [
      order('1', 'confirmed', 4, [], 2), // paid, not shipped for 4 days
      order('2', 'confirmed', 1, [], 2), // too recent
      order('3', 'in_transit', 10, [{ ...shipment('f3', 'in_transit', { latestEvent: scan(6) }), shippedDaysAgo: 9 }]), // last scan 6 days ago
      order('4', 'in_transit', 10, [{ ...shipment('f4', 'in_transit', { latestEvent: scan(1) }), shippedDaysAgo: 9 }]), // scanned yesterday
      order('5', 'shipped', 8, [{ ...shipment('f5', 'shipped'), shippedDaysAgo: 7 }]), // label, never scanned
      order('6', 'delivery_problem', 9, [{ ...shipment('f6', 'delivery_problem', { latestEvent: scan(2) }), shippedDaysAgo: 8 }]),
      order('7', 'attempted_delivery', 9, [{ ...shipment('f7', 'attempted_delivery', { latestEvent: scan(1) }), shippedDaysAgo: 8 }]),
      order('8', 'cancelled', 9, [], 2),
      order('9', 'payment_problem', 1, [], 2), // the card was declined yesterday: nothing ships until someone acts
    ];
    expect(findProblemOrders(orders, NOW, { unfulfilledDays: 3, noScanDays: 5 }).map((r) => [r.orderId, r.problem, r.days])).toEqual([
      ['6', 'delivery_failed', 2],
      ['7', 'delivery_attempted', 1],
      ['9', 'payment_failed', 1],
      ['5', 'no_carrier_scan', 7],
      ['3', 'no_carrier_scan', 6],
      ['1', 'unfulfilled', 4],
    ]);
  });
});

describe('computeCarrierPerformance', () => {
  it('median and p90 of shipment-to-delivery days per carrier, delivered shipments only', () => {
    const delivered = (id: string, carrier: string, shipped: number, deliveredDaysAgo: number) => ({
      ...shipment(id, 'delivered', { carrier, deliveredAt: { at: daysAgo(deliveredDaysAgo), display: '' } }),
      shippedDaysAgo: shipped,
    });
    const orders = [
      order('1', 'delivered', 10, [delivered('a', 'UPS', 9, 7)]), // 2 days
      order('2', 'delivered', 10, [delivered('b', 'UPS', 9, 5), delivered('c', 'DHL', 9, 8)]), // 4 days, DHL 1 day
      order('3', 'delivered', 10, [delivered('d', 'UPS', 9, 3)]), // 6 days
      order('4', 'in_transit', 10, [{ ...shipment('e', 'in_transit'), shippedDaysAgo: 9 }]),
    ];
    expect(computeCarrierPerformance(orders.flatMap((o) => deliveredShipments(o.view)))).toEqual([
      { carrier: 'UPS', shipments: 3, medianDays: 4, p90Days: 5.6 },
      { carrier: 'DHL', shipments: 1, medianDays: 1, p90Days: 1 },
    ]);
  });

  it('leaves out shipments without a carrier, a hand-over or with a delivery before it', () => {
    const noCarrier = order('5', 'delivered', 10, [
      { ...shipment('f', 'delivered', { carrier: null, deliveredAt: { at: daysAgo(2), display: '' } }), shippedDaysAgo: 9 },
    ]);
    const backwards = order('6', 'delivered', 10, [
      { ...shipment('g', 'delivered', { carrier: 'UPS', deliveredAt: { at: daysAgo(9), display: '' } }), shippedDaysAgo: 2 },
    ]);
    const good = order('7', 'delivered', 10, [
      { ...shipment('h', 'delivered', { carrier: 'UPS', deliveredAt: { at: daysAgo(2), display: '' } }), shippedDaysAgo: 4 },
    ]);
    expect([noCarrier, backwards, good].flatMap((o) => deliveredShipments(o.view))).toEqual([
      { shipmentId: 'h', carrier: 'UPS', shippedAt: daysAgo(4), deliveredAt: daysAgo(2) },
    ]);
  });
});
