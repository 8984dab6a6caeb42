import type { OrderFreshness } from '@/domain/agent/chat-message';
import type { ShopperOrderView } from '@/domain/tracking/shopper-order-view';
import { ItemList } from './item-list';
import { OrderTimeline } from './order-timeline';
import { ShipmentCard } from './shipment-card';
import { StatusBadge } from './status-badge';

export type OrderStatusCardProps = {
  order: ShopperOrderView;
  freshness: OrderFreshness;
  /** Heading level of the order name, so the card fits the page outline it is placed in. */
  headingLevel?: 2 | 3 | 4;
  /** Timeline and item list start expanded (hosted page) or collapsed (chat). */
  expanded?: boolean;
};

/**
 * The order as a shopper sees it: status, message, each package with its tracking link, items and the
 * timeline. Presentational only: everything comes from the shopper-safe view, every string is rendered as text.
 */
export function OrderStatusCard({ order, freshness, headingLevel = 3, expanded = false }: OrderStatusCardProps) {
  const Heading = `h${headingLevel}` as const;
  const multiplePackages = order.shipments.length > 1;
  return (
    <article className="rounded-xl border border-slate-200 bg-slate-50 p-3 text-slate-900 sm:p-4" aria-label={`Order ${order.orderName}`}>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <Heading className="text-base font-bold">Order {order.orderName}</Heading>
        <StatusBadge status={order.status} label={order.headline} />
      </header>
      <p className="mt-0.5 text-xs text-slate-600">
        Placed <time dateTime={order.placedAt.at}>{order.placedAt.display}</time>
        {order.destination?.city ? ` · to ${order.destination.city}` : ''}
      </p>
      <p className="mt-2 text-sm leading-relaxed">{order.message}</p>
      {freshness.stale && freshness.note && (
        <p role="note" className="mt-2 rounded-md bg-amber-50 px-2 py-1 text-sm text-amber-900">
          {freshness.note}
        </p>
      )}
      {order.shipmentSummary && multiplePackages && <p className="mt-2 text-sm font-medium">{order.shipmentSummary}</p>}
      {order.shipments.length > 0 && (
        <ul className="mt-3 space-y-2" aria-label="Packages">
          {order.shipments.map((shipment) => (
            <ShipmentCard key={shipment.id} shipment={shipment} showItems={multiplePackages} timeZone={order.timeZone} />
          ))}
        </ul>
      )}
      {order.unshippedItemCount > 0 && order.shipments.length > 0 && (
        <p className="mt-2 text-sm text-slate-700">
          {order.unshippedItemCount === 1 ? '1 item has' : `${order.unshippedItemCount} items have`} not shipped yet.
        </p>
      )}
      {order.refund && !order.cancellation && <p className="mt-2 text-sm text-slate-700">{order.refund.note}</p>}
      {order.freshness.text && <p className="mt-2 text-xs text-slate-600">Updated: {order.freshness.text}</p>}
      <details className="group mt-3" open={expanded}>
        <summary className="inline-flex min-h-6 cursor-pointer items-center rounded text-sm font-semibold text-slate-900 underline underline-offset-2">
          Items ({order.items.reduce((sum, item) => sum + item.quantity, 0)})
        </summary>
        <ItemList items={order.items} className="mt-2" />
      </details>
      {order.timeline.length > 0 && (
        <details className="mt-2" open={expanded}>
          <summary className="inline-flex min-h-6 cursor-pointer items-center rounded text-sm font-semibold text-slate-900 underline underline-offset-2">
            Timeline
          </summary>
          <div className="mt-3">
            <OrderTimeline entries={order.timeline} timeZone={order.timeZone} />
          </div>
        </details>
      )}
    </article>
  );
}
