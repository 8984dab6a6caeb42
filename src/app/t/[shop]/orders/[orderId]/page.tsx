import type { Metadata } from 'next';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { chooseContactRoute } from '@/components/order/contact-action';
import { OrderStatusCard } from '@/components/order/order-status-card';
import { formatAge } from '@/domain/tracking/describe-age';
import { toFormError } from '@/server/api/app-error-converter';
import { loadTrackingShop, readShopperRequest } from '@/server/http/next-shopper-request';
import { presentOrder } from '@/server/use-cases/orders/present-order';
import { viewShopperOrder } from '@/server/use-cases/orders/view-shopper-order';

type Props = { params: Promise<{ shop: string; orderId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ui.meta'))('order'), robots: { index: false }, referrer: 'no-referrer' };
}

/** One order this browser may see (order, email or customer grant): the same use case as orders.get, door 'page'. */
export default async function TrackingOrderPage({ params }: Props) {
  const { shop: segment, orderId } = await params;
  const shop = await loadTrackingShop(segment);
  if (!shop) notFound();
  const back = `/t/${shop.domain}`;
  const [t, locale] = await Promise.all([getTranslations('ui.order'), getLocale()]);
  if (!/^\d{1,20}$/.test(orderId)) return <NotAvailable back={back} />;
  const { services, session, clientAddress } = await readShopperRequest();
  let answer;
  try {
    answer = await viewShopperOrder(services, { shop, holderHash: session.holderHash(), clientAddress, door: 'page', orderId });
  } catch (error) {
    if (toFormError(error).code === 'not_found') return <NotAvailable back={back} />;
    throw error;
  }
  if (answer.status === 'unavailable') {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
        <p role="status" className="rounded-lg border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-amber-950">
          {answer.message}
        </p>
        <BackLinks back={back} />
      </div>
    );
  }
  const { order, freshness } = presentOrder(answer.record, answer.stale, shop.timezone, new Date(), locale);
  const age = formatAge(new Date(freshness.fetchedAt), new Date(), locale);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
        {order.customerFirstName ? t('greeting', { name: order.customerFirstName }) : t('title')}
      </h1>
      <OrderStatusCard order={order} freshness={freshness} headingLevel={2} expanded contact={chooseContactRoute(shop.domain, shop.settings.supportEmail)} />
      {!freshness.stale && (
        <p className="text-sm text-slate-600">
          {t.rich('checked', { shop: shop.name, age, time: (chunks) => <time dateTime={freshness.fetchedAt}>{chunks}</time> })}
        </p>
      )}
      <BackLinks back={back} />
    </div>
  );
}

function BackLinks({ back }: { back: string }) {
  const t = useTranslations('ui.order');
  return (
    <nav aria-label={t('navLabel')} className="flex flex-wrap gap-x-6 gap-y-2 pt-2">
      <Link href={back} className="inline-flex min-h-6 items-center font-semibold text-slate-900 underline underline-offset-2">
        {t('another')}
      </Link>
      <Link href={`${back}/orders`} className="inline-flex min-h-6 items-center font-semibold text-slate-900 underline underline-offset-2">
        {t('all')}
      </Link>
    </nav>
  );
}

function NotAvailable({ back }: { back: string }) {
  const t = useTranslations('ui.order');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">{t('notAvailableTitle')}</h1>
      <p className="text-slate-700">{t('notAvailableText')}</p>
      <Link href={back} className="inline-flex min-h-11 items-center rounded-lg bg-[var(--brand)] px-5 py-2 font-semibold text-[var(--on-brand)]">
        {t('lookUp')}
      </Link>
    </div>
  );
}
