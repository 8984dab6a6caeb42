import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { translator } from '@/domain/i18n/messages';
import { formatMoment } from '@/domain/tracking/format-time';
import { StatusBadge } from '@/components/order/status-badge';
import { readSignedInShopper } from '@/server/auth/shopper-sign-in';
import { loadTrackingShop, readShopperRequest } from '@/server/http/next-shopper-request';
import { loadOrderHistory } from '@/server/use-cases/orders/load-order-history';
import { signOutAction } from '../actions';

type Props = { params: Promise<{ shop: string }>; searchParams: Promise<{ after?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ui.meta'))('orders'), robots: { index: false }, referrer: 'no-referrer' };
}

const linkClass = 'inline-flex min-h-6 items-center font-semibold text-slate-900 underline underline-offset-2';

/** Every order of the signed-in email in this shop (magic link), newest first, five at a time. */
export default async function OrderHistoryPage({ params, searchParams }: Props) {
  const shop = await loadTrackingShop((await params).shop);
  if (!shop) notFound();
  const afterParam = (await searchParams).after;
  const after = typeof afterParam === 'string' ? afterParam : undefined;
  const { services, session, headers, clientAddress } = await readShopperRequest();
  const signedIn = await readSignedInShopper(services, headers);
  const history = await loadOrderHistory(services, { shop, holderHash: session.holderHash(), signedIn, clientAddress, after });
  const base = `/t/${shop.domain}`;
  const [t, locale] = await Promise.all([getTranslations('ui.history'), getLocale()]);

  if (history.state === 'signed_out' || history.state === 'other_shop') {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
        <p className="text-slate-700">{history.state === 'signed_out' ? t('signedOut') : t('otherShop', { email: history.maskedEmail, shop: shop.name })}</p>
        <Link href={base} className="inline-flex min-h-11 items-center rounded-lg bg-[var(--brand)] px-5 py-2 font-semibold text-[var(--on-brand)]">
          {t('getLink')}
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{t('title')}</h1>
          <p className="text-slate-700">{t('signedInAs', { email: history.maskedEmail })}</p>
        </div>
        <form action={signOutAction.bind(null, shop.domain)}>
          <button
            type="submit"
            className="inline-flex min-h-11 items-center rounded-lg border border-slate-500 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-50"
          >
            {t('signOut')}
          </button>
        </form>
      </div>
      {history.state === 'unavailable' ? (
        <p role="status" className="rounded-lg border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-amber-950">
          {t('unavailable')}
        </p>
      ) : history.orders.length === 0 ? (
        <p className="text-slate-700">{after ? t('noMore') : t('none', { shop: shop.name })}</p>
      ) : (
        <ul className="space-y-3" aria-label={t('listLabel')}>
          {history.orders.map((order) => (
            <li key={order.orderId} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-lg font-semibold text-slate-900">
                  <Link href={`${base}/orders/${order.orderId}`} className="underline underline-offset-2">
                    {t('orderLink', { name: order.orderName })}
                  </Link>
                </h2>
                <StatusBadge
                  status={order.status}
                  label={order.attention ? t(`attention.${order.attention.kind}`) : translator(locale, 'status')(`headline.${order.status}`)}
                  attention={order.attention?.kind}
                />
              </div>
              <p className="mt-1 text-sm text-slate-700">
                {t.rich('placed', {
                  items: order.itemCount,
                  date: formatMoment(order.placedAt.at, shop.timezone, locale, 'date') ?? order.placedAt.display,
                  time: (chunks) => <time dateTime={order.placedAt.at}>{chunks}</time>,
                })}
                {order.shipmentSummary ? ` · ${order.shipmentSummary}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label={t('moreNav')} className="flex flex-wrap gap-x-6 gap-y-2">
        {after && (
          <Link href={`${base}/orders`} className={linkClass}>
            {t('newest')}
          </Link>
        )}
        {history.state === 'ok' && history.nextCursor && (
          <Link href={`${base}/orders?${new URLSearchParams({ after: history.nextCursor })}`} className={linkClass}>
            {t('older')}
          </Link>
        )}
        <Link href={base} className={linkClass}>
          {t('byNumber')}
        </Link>
      </nav>
    </div>
  );
}
