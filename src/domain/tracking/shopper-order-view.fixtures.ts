import type { ShipmentView, ShopperOrderView } from './shopper-order-view';

/** A package as the shopper sees it, with nothing known yet; tests set what they exercise. */
export function shipmentView(id: string, status: ShipmentView['status'], extra: Partial<ShipmentView> = {}): ShipmentView {
  return {
    id,
    label: 'Package',
    status,
    statusLabel: status,
    carrier: 'UPS',
    trackingNumber: null,
    trackingUrl: null,
    trackingNote: null,
    latestEvent: null,
    estimatedDelivery: null,
    deliveredAt: null,
    possiblyDelayed: false,
    delayReason: null,
    items: [],
    ...extra,
  };
}

/** An order view with no words, items or history; tests set what they exercise. */
export function orderView(status: ShopperOrderView['status'], extra: Partial<ShopperOrderView> = {}): ShopperOrderView {
  return {
    version: 1,
    orderId: '1',
    orderName: '#1001',
    placedAt: { at: '2026-11-01T10:00:00Z', display: 'Nov 1' },
    status,
    headline: '',
    message: '',
    customerFirstName: null,
    destination: null,
    maskedEmail: null,
    total: null,
    items: [],
    shipments: [],
    shipmentSummary: null,
    unshippedItemCount: 0,
    refund: null,
    cancellation: null,
    timeline: [],
    freshness: { lastCarrierUpdateAt: null, text: null },
    timeZone: 'UTC',
    generatedAt: '2026-11-05T10:00:00Z',
    ...extra,
  };
}
