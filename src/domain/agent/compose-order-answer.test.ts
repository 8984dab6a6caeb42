import { describe, expect, it } from 'vitest';
import { allShipped, FIXTURE_NOW, fulfillment, lineItem, sourceOrder } from '../../../test/support/source-order-fixture';
import type { SourceFulfillmentOrder, SourceOrder } from '../orders/source-order';
import { buildOrderView } from '../tracking/build-order-view';
import { composeOrderAnswer } from './compose-order-answer';

const view = (order: SourceOrder) => buildOrderView(order, { now: FIXTURE_NOW, timeZone: 'America/New_York', shopName: 'Acme' });
const plan = (extra: Partial<SourceFulfillmentOrder>): SourceOrder['fulfillmentOrders'] => ({
  nodes: [{ status: 'OPEN', fulfillAt: null, fulfillmentHolds: [], deliveryMethod: { methodType: 'SHIPPING' }, assignedLocation: null, ...extra }],
});
const store = { name: 'Acme Store', address1: '12 Market St', city: 'Ottawa' };
const shoe = lineItem('Trail Runner Shoe', 1, { unfulfilledQuantity: 0 });

describe('composeOrderAnswer: "when will it arrive?" answers what is true for the delivery method', () => {
  it('pickup being prepared: where and from when it can be collected, never a carrier date', () => {
    const order = sourceOrder({
      shippingAddress: null,
      fulfillmentOrders: plan({ deliveryMethod: { methodType: 'PICK_UP', minDeliveryDateTime: '2025-03-11T18:00:00Z' }, assignedLocation: store }),
    });
    const answer = composeOrderAnswer(view(order), 'eta');
    expect(answer).toMatch(/isn't shipped: it's a pickup order/);
    expect(answer).toContain('Acme Store, 12 Market St, Ottawa');
    expect(answer).toMatch(/from Mar 11, 2025, 2:00\s?PM/);
    expect(answer).not.toMatch(/carrier|delivery date/);
  });

  it('pickup ready: it is waiting to be collected now, at the store', () => {
    const order = sourceOrder({
      shippingAddress: null,
      displayFulfillmentStatus: 'FULFILLED',
      lineItems: { nodes: allShipped([shoe]) },
      fulfillments: [fulfillment({ items: [shoe], carrier: null, number: null, displayStatus: 'READY_FOR_PICKUP' })],
      fulfillmentOrders: plan({ status: 'CLOSED', deliveryMethod: { methodType: 'PICK_UP' }, assignedLocation: store }),
    });
    const answer = composeOrderAnswer(view(order), 'eta');
    expect(answer).toMatch(/ready to collect now at Acme Store, 12 Market St, Ottawa/);
    expect(answer).not.toMatch(/carrier hasn't given a delivery date/);
    expect(composeOrderAnswer(view(order), 'tracking')).toMatch(/nothing to track: it's a pickup order/);
  });

  it('local delivery: the delivery window the store gave', () => {
    const order = sourceOrder({
      fulfillmentOrders: plan({
        deliveryMethod: { methodType: 'LOCAL', minDeliveryDateTime: '2025-03-11T18:00:00Z', maxDeliveryDateTime: '2025-03-11T21:00:00Z' },
      }),
    });
    expect(composeOrderAnswer(view(order), 'eta')).toMatch(/The store delivers order #1001 locally, Tuesday, March 11, between 14:00 and 17:00\./);
  });

  it('local delivery without a window says the store will tell the time', () => {
    const order = sourceOrder({ fulfillmentOrders: plan({ deliveryMethod: { methodType: 'LOCAL' } }) });
    expect(composeOrderAnswer(view(order), 'eta')).toMatch(/The store delivers order #1001 locally and will let you know the delivery time/);
  });

  it('plain shipping keeps the carrier answer', () => {
    expect(composeOrderAnswer(view(sourceOrder()), 'eta')).toMatch(/hasn't shipped yet, so there's no delivery date yet/);
  });
});
