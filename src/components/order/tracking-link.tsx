import { useTranslations } from 'next-intl';
import type { ShipmentView } from '@/domain/tracking/shopper-order-view';

/**
 * The carrier's tracking page as a button-styled link in a new tab. The view only carries https URLs; the
 * check is repeated here so a future producer cannot hand a `javascript:` URL to an anchor.
 */
export function TrackingLink({ shipment }: { shipment: Pick<ShipmentView, 'trackingUrl' | 'carrier' | 'trackingNumber' | 'label'> }) {
  const t = useTranslations('ui.card');
  const url = shipment.trackingUrl;
  if (!url || !url.startsWith('https://')) return null;
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      className="inline-flex min-h-11 items-center justify-center gap-1.5 rounded-lg bg-[var(--brand,#1d4ed8)] px-4 py-2 text-sm font-semibold text-[var(--on-brand,#fff)] no-underline shadow-sm hover:opacity-90"
    >
      {shipment.carrier ? t('trackWith', { carrier: shipment.carrier }) : t('trackWithCarrier')}
      <span className="sr-only"> {t('newTab', { package: shipment.label || 'none' })}</span>
      <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" width="14" height="14" fill="currentColor">
        <path d="M11 3h6v6h-2V6.4l-6.3 6.3-1.4-1.4L13.6 5H11V3zM5 5h4v2H5v8h8v-4h2v6H3V5h2z" />
      </svg>
    </a>
  );
}
