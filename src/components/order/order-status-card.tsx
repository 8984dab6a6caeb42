import { useTranslations } from 'next-intl';
import { LocalTime } from '@/components/i18n/local-time';
import type { OrderFreshness } from '@/domain/agent/chat-message';
import type { ShopperOrderView } from '@/domain/tracking/shopper-order-view';
import { readOrderAttention } from '@/domain/tracking/order-attention';
import { buildOrderProgress } from '@/domain/tracking/order-progress';
import { ContactAction, contactActionLabel, type ContactRoute } from './contact-action';
import { ItemList } from './item-list';
import { OrderProgressStepper } from './order-progress-stepper';
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
  /** How to reach a person when the order is delayed or has a delivery problem (support email or the chat). */
  contact?: ContactRoute;
};

/**
 * The order as a shopper sees it: status, message, each package with its tracking link, items and the
 * timeline. Presentational only: everything comes from the shopper-safe view, every string is rendered as text.
 */
export function OrderStatusCard({ order, freshness, headingLevel = 3, expanded = false, contact }: OrderStatusCardProps) {
  const t = useTranslations('ui.card');
  const tContact = useTranslations('ui.contact');
  const Heading = `h${headingLevel}` as const;
  const multiplePackages = order.shipments.length > 1;
  const attention = readOrderAttention(order);
  // The stepper is for the hosted page; in the chat the card stays compact.
  const progress = expanded ? buildOrderProgress(order) : null;
  return (
    <article className="rounded-xl border border-slate-200 bg-slate-50 p-3 text-slate-900 sm:p-4" aria-label={t('label', { name: order.orderName })}>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <Heading className="text-base font-bold">{t('label', { name: order.orderName })}</Heading>
        <StatusBadge status={order.status} label={attention ? t(`attention.${attention.kind}`) : order.headline} attention={attention?.kind} />
      </header>
      <p className="mt-0.5 text-xs text-slate-600">
        {t.rich(order.destination?.city ? 'placedTo' : 'placed', {
          city: order.destination?.city ?? '',
          date: '',
          time: () => <LocalTime at={order.placedAt.at} timeZone={order.timeZone} kind="datetime" fallback={order.placedAt.display} />,
        })}
      </p>
      {progress && <OrderProgressStepper progress={progress} timeZone={order.timeZone} />}
      <p className="mt-2 text-sm leading-relaxed">{order.message}</p>
      {attention && contact && (
        <ContactAction route={contact} prompt={t(`contactPrompt.${attention.kind}`)} actionLabel={contactActionLabel(contact, tContact)} className="mt-2" />
      )}
      {freshness.stale && freshness.note && (
        <p role="note" className="mt-2 rounded-md bg-amber-50 px-2 py-1 text-sm text-amber-900">
          {freshness.note}
        </p>
      )}
      {order.shipmentSummary && multiplePackages && <p className="mt-2 text-sm font-medium">{order.shipmentSummary}</p>}
      {order.shipments.length > 0 && (
        <ul className="mt-3 space-y-2" aria-label={t('packages')}>
          {order.shipments.map((shipment) => (
            <ShipmentCard key={shipment.id} shipment={shipment} showItems={multiplePackages} timeZone={order.timeZone} />
          ))}
        </ul>
      )}
      {order.unshippedItemCount > 0 && order.shipments.length > 0 && (
        <p className="mt-2 text-sm text-slate-700">{t('notShipped', { count: order.unshippedItemCount })}</p>
      )}
      {order.freshness.text && <p className="mt-2 text-xs text-slate-600">{t('updated', { text: order.freshness.text })}</p>}
      <details className="group mt-3" open={expanded}>
        <summary className="inline-flex min-h-6 cursor-pointer items-center rounded text-sm font-semibold text-slate-900 underline underline-offset-2">
          {t('items', { count: order.items.reduce((sum, item) => sum + item.quantity, 0) })}
        </summary>
        <ItemList items={order.items} className="mt-2" />
      </details>
      {order.timeline.length > 0 && (
        <details className="mt-2" open={expanded}>
          <summary className="inline-flex min-h-6 cursor-pointer items-center rounded text-sm font-semibold text-slate-900 underline underline-offset-2">
            {t('timeline')}
          </summary>
          <div className="mt-3">
            <OrderTimeline entries={order.timeline} timeZone={order.timeZone} />
          </div>
        </details>
      )}
    </article>
  );
}
