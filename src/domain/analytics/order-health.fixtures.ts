import type { ShipmentView, ShopperOrderView } from '../tracking/shopper-order-view';
import type { SnapshotOrder } from './order-health';

export const NOW = new Date('2026-11-20T12:00:00Z');
export const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

export function shipment(id: string, status: ShipmentView['status'], extra: Partial<ShipmentView> = {}): ShipmentView {
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

export function order(
  orderId: string,
  status: ShopperOrderView['status'],
  placedDaysAgo: number,
  shipments: Array<ShipmentView & { shippedDaysAgo?: number }> = [],
  unshipped = 0,
): SnapshotOrder {
  const view = {
    version: 1,
    orderId,
    orderName: `#${orderId}`,
    placedAt: { at: daysAgo(placedDaysAgo), display: '' },
    status,
    headline: '',
    message: '',
    customerFirstName: null,
    destination: null,
    maskedEmail: null,
    total: null,
    items: [],
    shipments: shipments.map(({ shippedDaysAgo: _s, ...s }) => s),
    shipmentSummary: null,
    unshippedItemCount: unshipped,
    refund: null,
    cancellation: null,
    timeline: shipments.flatMap((s) =>
      s.shippedDaysAgo === undefined
        ? []
        : [{ kind: 'shipped' as const, label: 'Shipped', detail: null, at: daysAgo(s.shippedDaysAgo), display: '', shipmentId: s.id }],
    ),
    freshness: { lastCarrierUpdateAt: null, text: null },
    timeZone: 'UTC',
    generatedAt: NOW.toISOString(),
  } satisfies ShopperOrderView;
  return { orderId, orderName: `#${orderId}`, view };
}

export const scan = (days: number) => ({ status: 'IN_TRANSIT', label: 'In transit', message: null, location: null, at: daysAgo(days), display: '', age: '' });
