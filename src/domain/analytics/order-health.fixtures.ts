import type { ShipmentView, ShopperOrderView } from '../tracking/shopper-order-view';
import { orderView, shipmentView } from '../tracking/shopper-order-view.fixtures';
import type { SnapshotOrder } from './order-health';

export const NOW = new Date('2026-11-20T12:00:00Z');
export const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

export const shipment = shipmentView;

export function order(
  orderId: string,
  status: ShopperOrderView['status'],
  placedDaysAgo: number,
  shipments: Array<ShipmentView & { shippedDaysAgo?: number }> = [],
  unshipped = 0,
): SnapshotOrder {
  const view = orderView(status, {
    orderId,
    orderName: `#${orderId}`,
    placedAt: { at: daysAgo(placedDaysAgo), display: '' },
    shipments: shipments.map(({ shippedDaysAgo: _s, ...s }) => s),
    unshippedItemCount: unshipped,
    timeline: shipments.flatMap((s) =>
      s.shippedDaysAgo === undefined
        ? []
        : [{ kind: 'shipped' as const, label: 'Shipped', detail: null, at: daysAgo(s.shippedDaysAgo), display: '', shipmentId: s.id }],
    ),
    generatedAt: NOW.toISOString(),
  });
  return { orderId, orderName: `#${orderId}`, view };
}

export const scan = (days: number) => ({ status: 'IN_TRANSIT', label: 'In transit', message: null, location: null, at: daysAgo(days), display: '', age: '' });
