import { describe, expect, it } from 'vitest';
import { readOrderAttention } from './order-attention';
import { buildOrderProgress } from './order-progress';
import type { ShipmentView, ShopperOrderView } from './shopper-order-view';
import { orderView, shipmentView } from './shopper-order-view.fixtures';

const parcel = (status: ShipmentView['status'], extra: Partial<ShipmentView> = {}) => shipmentView(`p-${Math.random()}`, status, extra);
const view = (status: ShopperOrderView['status'], shipments: ShipmentView[] = [], extra: Partial<ShopperOrderView> = {}) =>
  orderView(status, { shipments, ...extra });

const states = (order: ShopperOrderView) => buildOrderProgress(order)?.steps.map((s) => `${s.label}:${s.state}`);

describe('buildOrderProgress', () => {
  it('puts a confirmed order on "Placed" with no date to promise', () => {
    expect(states(view('confirmed'))).toEqual(['Placed:current', 'Shipped:upcoming', 'Out for delivery:upcoming', 'Delivered:upcoming']);
    expect(buildOrderProgress(view('confirmed'))?.headline).toBeNull();
  });

  it('headlines the estimate while in transit and "Arriving today" when out for delivery', () => {
    const eda = { at: '2026-11-07T00:00:00Z', display: 'Sat, Nov 7' };
    const moving = view('in_transit', [parcel('in_transit', { estimatedDelivery: eda })]);
    expect(states(moving)).toEqual(['Placed:done', 'Shipped:current', 'Out for delivery:upcoming', 'Delivered:upcoming']);
    expect(buildOrderProgress(moving)?.headline).toBe('Estimated delivery Sat, Nov 7');
    const today = view('out_for_delivery', [parcel('out_for_delivery')]);
    expect(states(today)).toEqual(['Placed:done', 'Shipped:done', 'Out for delivery:current', 'Delivered:upcoming']);
    expect(buildOrderProgress(today)?.headline).toBe('Arriving today');
  });

  it('headlines the delivery date once delivered, every step done', () => {
    const delivered = view('delivered', [parcel('delivered', { deliveredAt: { at: '2026-11-04T15:00:00Z', display: 'Nov 4, 3:00 PM' } })]);
    expect(states(delivered)).toEqual(['Placed:done', 'Shipped:done', 'Out for delivery:done', 'Delivered:done']);
    expect(buildOrderProgress(delivered)?.headline).toBe('Delivered Nov 4, 3:00 PM');
  });

  it('keeps a split order at its least advanced parcel, and not delivered while items are unshipped', () => {
    const eda = { at: '2026-11-08T00:00:00Z', display: 'Sun, Nov 8' };
    const split = view('partially_delivered', [parcel('delivered'), parcel('in_transit', { estimatedDelivery: eda })]);
    expect(states(split)).toEqual(['Placed:done', 'Shipped:current', 'Out for delivery:upcoming', 'Delivered:upcoming']);
    expect(buildOrderProgress(split)?.headline).toBe('Estimated delivery Sun, Nov 8');
    const rest = view('partially_delivered', [parcel('delivered')], { unshippedItemCount: 2 });
    expect(states(rest)).toEqual(['Placed:done', 'Shipped:current', 'Out for delivery:upcoming', 'Delivered:upcoming']);
    expect(buildOrderProgress(rest)?.headline).toBeNull();
  });

  it('marks the step a delivery problem stopped before', () => {
    expect(states(view('delivery_problem', [parcel('delivery_problem')]))).toEqual([
      'Placed:done',
      'Shipped:current',
      'Out for delivery:problem',
      'Delivered:upcoming',
    ]);
    expect(states(view('attempted_delivery', [parcel('attempted_delivery')]))).toEqual([
      'Placed:done',
      'Shipped:done',
      'Out for delivery:current',
      'Delivered:problem',
    ]);
  });

  it('shows no stepper for cancelled, fully refunded, digital or unpaid orders', () => {
    for (const status of ['cancelled', 'refunded', 'digital', 'payment_problem'] as const) expect(buildOrderProgress(view(status))).toBeNull();
  });

  it('uses pickup steps for a store pickup', () => {
    const pickup = { method: 'pickup' as const, location: 'Main St', window: null };
    expect(states(view('confirmed', [], { delivery: pickup }))).toEqual(['Placed:current', 'Ready for pickup:upcoming', 'Picked up:upcoming']);
    expect(states(view('ready_for_pickup', [], { delivery: pickup }))).toEqual(['Placed:done', 'Ready for pickup:current', 'Picked up:upcoming']);
  });
});

describe('readOrderAttention', () => {
  it('calls a parcel without a scan for days "Delayed", not "On its way"', () => {
    const quiet = parcel('in_transit', { possiblyDelayed: true, delayReason: 'no_recent_scan' });
    expect(readOrderAttention(view('in_transit', [quiet]))).toEqual({ kind: 'delayed', label: 'Delayed' });
    expect(readOrderAttention(view('partially_delivered', [parcel('delivered'), quiet]))).toEqual({ kind: 'delayed', label: 'Delayed' });
  });

  it('calls a failed delivery a problem, and a parcel on track nothing', () => {
    expect(readOrderAttention(view('delivery_problem', [parcel('delivery_problem')]))).toEqual({ kind: 'problem', label: 'Delivery problem' });
    expect(readOrderAttention(view('in_transit', [parcel('in_transit')]))).toBeNull();
    // Out for delivery is news of its own, even if the last scan was a while ago.
    expect(readOrderAttention(view('out_for_delivery', [parcel('out_for_delivery', { possiblyDelayed: true, delayReason: 'no_recent_scan' })]))).toBeNull();
    // A delivered parcel that was once late is not delayed.
    expect(readOrderAttention(view('delivered', [parcel('delivered', { possiblyDelayed: true })]))).toBeNull();
  });
});
