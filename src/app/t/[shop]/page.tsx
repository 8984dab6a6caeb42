import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { slot } from '@/components/i18n/slots';
import { chooseContactRoute, contactActionLabel } from '@/components/order/contact-action';
import { translator } from '@/domain/i18n/messages';
import { readSignedInShopper } from '@/server/auth/shopper-sign-in';
import { loadTrackingShop, readShopperRequest } from '@/server/http/next-shopper-request';
import { listShopperOrders } from '@/server/use-cases/orders/list-shopper-orders';
import { requestMagicLinkAction, verifyOrderAction } from './actions';
import { LookupForm, type LookupFormWords } from './lookup-form';
import { exampleOrderName } from '@/domain/orders/order-name-format';
import { MagicLinkForm } from './magic-link-form';

type Props = { params: Promise<{ shop: string }>; searchParams: Promise<{ notice?: string | string[] }> };

// From links, sign-out and the storefront's "Track your order" block (POST /t/{shop}/lookup): what was typed is never echoed.
const NOTICES = {
  link_invalid: 'warning',
  signed_out: 'info',
  sign_in_again: 'warning',
  lookup_failed: 'warning',
  lookup_missing: 'warning',
  lookup_locked: 'warning',
  lookup_unavailable: 'warning',
  lookup_here: 'info',
} as const satisfies Record<string, 'info' | 'warning'>;

type NoticeKey = keyof typeof NOTICES;
const isNotice = (key: unknown): key is NoticeKey => typeof key === 'string' && Object.hasOwn(NOTICES, key);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [shop, t] = await Promise.all([loadTrackingShop((await params).shop), getTranslations('ui.meta')]);
  return { title: shop ? t('trackAt', { shop: shop.name }) : t('track'), robots: { index: false } };
}

/** The hosted lookup: order number + email, or a magic link to every order of an email. */
export default async function TrackingLookupPage({ params, searchParams }: Props) {
  const shop = await loadTrackingShop((await params).shop);
  if (!shop) notFound();
  const noticeKey = (await searchParams).notice;
  const notice = isNotice(noticeKey) ? { tone: NOTICES[noticeKey], key: noticeKey } : undefined;
  const [t, tLookup, tContact, locale] = await Promise.all([getTranslations('ui'), getTranslations('ui.lookup'), getTranslations('ui.contact'), getLocale()]);
  const headline = (status: string) => translator(locale, 'status')(`headline.${status}`);
  // A shopper already verified in the chat (or by a link) is not asked again: their orders are right here.
  const { services, session, headers } = await readShopperRequest();
  const reading = readSignedInShopper(services, headers);
  const [orders, signedIn] = await Promise.all([listShopperOrders(services, { shop, holderHash: session.holderHash(), readSignedIn: () => reading }), reading]);

  const contact = chooseContactRoute(shop.domain, shop.settings.supportEmail);
  const lookupWords: LookupFormWords = {
    orderNumber: tLookup('orderNumber'),
    orderHint: tLookup('orderHint', { example: exampleOrderName(shop.settings.orderNameFormat) }),
    email: tLookup('email'),
    emailHint: tLookup('emailHint'),
    submit: tLookup('submit'),
    pending: tLookup('pending'),
    tryAgainIn: tLookup.markup('tryAgainIn', { clock: slot('clock'), time: (chunks) => chunks }),
    tryAgainNow: tLookup('tryAgainNow'),
    notSure: tLookup('notSure'),
    linkInstead: tLookup('linkInstead'),
    askTeam: tLookup('askTeam'),
    contactAction: contactActionLabel(contact, tContact),
  };
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{t('lookup.title')}</h1>
      {notice && (
        <p
          role="status"
          className={`rounded-lg border-l-4 px-3 py-2 ${notice.tone === 'warning' ? 'border-amber-600 bg-amber-50 text-amber-950' : 'border-blue-700 bg-blue-50 text-blue-950'}`}
        >
          {t(`notice.${notice.key}`)}
        </p>
      )}
      {orders.length > 0 && (
        <section aria-labelledby="known-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <h2 id="known-heading" className="text-lg font-semibold text-slate-900">
            {t('lookup.knownHeading')}
          </h2>
          <ul className="mt-3 divide-y divide-slate-200">
            {orders.map((order) => (
              <li key={order.orderId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link
                  href={`/t/${shop.domain}/orders/${order.orderId}`}
                  className="inline-flex min-h-6 items-center font-semibold text-slate-900 underline underline-offset-2"
                >
                  {t('lookup.orderLink', { name: order.orderName })}
                </Link>
                <span className="text-sm text-slate-700">{headline(order.status)}</span>
              </li>
            ))}
          </ul>
          {signedIn && (
            <p className="mt-3">
              <Link href={`/t/${shop.domain}/orders`} className="font-semibold text-slate-900 underline underline-offset-2">
                {t('lookup.seeAll')}
              </Link>
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="lookup-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="lookup-heading" className="text-lg font-semibold text-slate-900">
          {t('lookup.formHeading')}
        </h2>
        <p className="mb-4 mt-1 text-slate-700">{t('lookup.formIntro')}</p>
        <LookupForm action={verifyOrderAction.bind(null, shop.domain)} words={lookupWords} magicLinkFieldId="history-email" contact={contact} />
      </section>
      <section aria-labelledby="history-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="history-heading" className="text-lg font-semibold text-slate-900">
          {t('lookup.historyHeading')}
        </h2>
        <p className="mb-4 mt-1 text-slate-700">{t('lookup.historyIntro', { shop: shop.name })}</p>
        <MagicLinkForm
          action={requestMagicLinkAction.bind(null, shop.domain)}
          words={{ email: tLookup('email'), linkSubmit: tLookup('linkSubmit'), linkPending: tLookup('linkPending') }}
        />
      </section>
    </div>
  );
}
