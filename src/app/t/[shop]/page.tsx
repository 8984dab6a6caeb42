import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { chooseContactRoute } from '@/components/order/contact-action';
import { readSignedInShopper } from '@/server/auth/shopper-sign-in';
import { loadTrackingShop, readShopperRequest } from '@/server/http/next-shopper-request';
import { listShopperOrders } from '@/server/use-cases/orders/list-shopper-orders';
import { requestMagicLinkAction, verifyOrderAction } from './actions';
import { LookupForm } from './lookup-form';
import { exampleOrderName } from '@/domain/orders/order-name-format';
import { MagicLinkForm } from './magic-link-form';

type Props = { params: Promise<{ shop: string }>; searchParams: Promise<{ notice?: string | string[] }> };

const NOTICES: Record<string, { tone: 'info' | 'warning'; text: string }> = {
  link_invalid: { tone: 'warning', text: 'That link is not valid any more. Look your order up below, or ask for a new link to all your orders.' },
  signed_out: { tone: 'info', text: 'You are signed out. Orders you opened are hidden again on this device.' },
  sign_in_again: { tone: 'warning', text: 'Your sign-in has ended. Ask for a new link below to see all your orders.' },
  // From the storefront's "Track your order" block (POST /t/{shop}/lookup): what was typed is never echoed.
  lookup_failed: {
    tone: 'warning',
    text: "We couldn't find an order with that number and email address. Please check both (the number is in your order confirmation email) and try again below.",
  },
  lookup_missing: { tone: 'warning', text: 'Enter both your order number and the email address you used for the order.' },
  lookup_locked: { tone: 'warning', text: 'Too many attempts. For your security, please try again later.' },
  lookup_unavailable: { tone: 'warning', text: "We can't look that order up right now. Please try again in a few minutes." },
  lookup_here: { tone: 'info', text: 'Enter your order number and email below to see your order.' },
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const shop = await loadTrackingShop((await params).shop);
  return { title: shop ? `Track your order · ${shop.name}` : 'Track your order', robots: { index: false } };
}

/** The hosted lookup: order number + email, or a magic link to every order of an email. */
export default async function TrackingLookupPage({ params, searchParams }: Props) {
  const shop = await loadTrackingShop((await params).shop);
  if (!shop) notFound();
  const noticeKey = (await searchParams).notice;
  const notice = typeof noticeKey === 'string' ? NOTICES[noticeKey] : undefined;
  // A shopper already verified in the chat (or by a link) is not asked again: their orders are right here.
  const { services, session, headers } = await readShopperRequest();
  const reading = readSignedInShopper(services, headers);
  const [orders, signedIn] = await Promise.all([listShopperOrders(services, { shop, holderHash: session.holderHash(), readSignedIn: () => reading }), reading]);

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Track your order</h1>
      {notice && (
        <p
          role="status"
          className={`rounded-lg border-l-4 px-3 py-2 ${notice.tone === 'warning' ? 'border-amber-600 bg-amber-50 text-amber-950' : 'border-blue-700 bg-blue-50 text-blue-950'}`}
        >
          {notice.text}
        </p>
      )}
      {orders.length > 0 && (
        <section aria-labelledby="known-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <h2 id="known-heading" className="text-lg font-semibold text-slate-900">
            Your orders on this device
          </h2>
          <ul className="mt-3 divide-y divide-slate-200">
            {orders.map((order) => (
              <li key={order.orderId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link
                  href={`/t/${shop.domain}/orders/${order.orderId}`}
                  className="inline-flex min-h-6 items-center font-semibold text-slate-900 underline underline-offset-2"
                >
                  Order {order.orderName}
                </Link>
                <span className="text-sm text-slate-700">{order.headline}</span>
              </li>
            ))}
          </ul>
          {signedIn && (
            <p className="mt-3">
              <Link href={`/t/${shop.domain}/orders`} className="font-semibold text-slate-900 underline underline-offset-2">
                See all your orders
              </Link>
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="lookup-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="lookup-heading" className="text-lg font-semibold text-slate-900">
          Look up an order
        </h2>
        <p className="mb-4 mt-1 text-slate-700">Enter your order number and email to see where your order is.</p>
        <LookupForm
          action={verifyOrderAction.bind(null, shop.domain)}
          orderExample={exampleOrderName(shop.settings.orderNameFormat)}
          magicLinkFieldId="history-email"
          contact={chooseContactRoute(shop.domain, shop.settings.supportEmail)}
        />
      </section>
      <section aria-labelledby="history-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="history-heading" className="text-lg font-semibold text-slate-900">
          Email me a link to all my orders
        </h2>
        <p className="mb-4 mt-1 text-slate-700">
          We send a sign-in link to your email. It shows every order you placed at {shop.name} and works once, for 1 hour.
        </p>
        <MagicLinkForm action={requestMagicLinkAction.bind(null, shop.domain)} />
      </section>
    </div>
  );
}
