import { useTranslations } from 'next-intl';
import { LocalAge, LocalTime } from '@/components/i18n/local-time';
import type { ShipmentView } from '@/domain/tracking/shopper-order-view';
import { ItemList } from './item-list';
import { TrackingLink } from './tracking-link';

/** One package: where it is, when it should arrive, the latest scan and the carrier's tracking link. */
export function ShipmentCard({ shipment, showItems, timeZone }: { shipment: ShipmentView; showItems: boolean; timeZone: string }) {
  const t = useTranslations('ui.card');
  const event = shipment.latestEvent;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <p className="font-semibold text-slate-900">{shipment.label}</p>
        <p className="text-sm font-medium text-slate-800">{shipment.statusLabel}</p>
      </div>
      <dl className="mt-1.5 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-700">
        {shipment.carrier && (
          <>
            <dt className="text-slate-600">{t('carrier')}</dt>
            <dd>{shipment.carrier}</dd>
          </>
        )}
        {shipment.trackingNumber && (
          <>
            <dt className="text-slate-600">{t('trackingNumber')}</dt>
            <dd className="break-all font-mono">{shipment.trackingNumber}</dd>
          </>
        )}
        {shipment.estimatedDelivery && (
          <>
            <dt className="text-slate-600">{t('arrives')}</dt>
            <dd className="font-medium text-slate-900">
              <LocalTime at={shipment.estimatedDelivery.at} timeZone={timeZone} kind="day" fallback={shipment.estimatedDelivery.display} />
            </dd>
          </>
        )}
        {shipment.deliveredAt && (
          <>
            <dt className="text-slate-600">{t('delivered')}</dt>
            <dd>
              <LocalTime at={shipment.deliveredAt.at} timeZone={timeZone} kind="datetime" fallback={shipment.deliveredAt.display} />
            </dd>
          </>
        )}
      </dl>
      {event && (
        <p className="mt-2 text-sm text-slate-700">
          <span className="font-medium text-slate-900">{t('latest')} </span>
          {event.message ?? event.label}
          {event.location ? ` · ${event.location}` : ''}{' '}
          <span className="text-slate-600">
            (<LocalAge at={event.at} fallback={event.age} />)
          </span>
        </p>
      )}
      {shipment.possiblyDelayed && (
        <p className="mt-2 rounded-md bg-amber-50 px-2 py-1 text-sm text-amber-900">
          {shipment.delayReason === 'carrier_reported' ? t('carrierDelay') : t('noRecentScan')}
        </p>
      )}
      {shipment.trackingNote && <p className="mt-2 text-sm text-slate-700">{shipment.trackingNote}</p>}
      {showItems && shipment.items.length > 0 && <ItemList items={shipment.items} className="mt-2" />}
      <div className="mt-3 empty:hidden">
        <TrackingLink shipment={shipment} />
      </div>
    </li>
  );
}
