import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { OrderStatusCard } from '@/components/order/order-status-card';
import { formatAge } from '@/domain/tracking/format-time';
import { loadTrackingShop, trackingContext } from '@/server/tracking/page-context';

type Props = { params: Promise<{ shop: string; orderId: string }> };

export const metadata: Metadata = { title: 'Your order', robots: { index: false }, referrer: 'no-referrer' };

/** One order this browser may see (order, email or customer grant): the orders.get procedure, door 'page'. */
export default async function TrackingOrderPage({ params }: Props) {
  const { shop: segment, orderId } = await params;
  const shop = await loadTrackingShop(segment);
  if (!shop) notFound();
  const back = `/t/${shop.domain}`;
  if (!/^\d{1,20}$/.test(orderId)) return <NotAvailable back={back} />;
  const { caller } = await trackingContext({ createSession: false });
  let result;
  try {
    result = await caller.orders.get({ shop: shop.domain, orderId, door: 'page' });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') return <NotAvailable back={back} />;
    throw error;
  }
  if (result.status === 'unavailable') {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold text-slate-900">Your order</h1>
        <p role="status" className="rounded-lg border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-amber-950">{result.message}</p>
        <BackLinks back={back} />
      </div>
    );
  }
  const { order, freshness } = result;
  const age = formatAge(new Date(freshness.fetchedAt), new Date());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
        {order.customerFirstName ? `${order.customerFirstName}, here is your order` : 'Your order'}
      </h1>
      <OrderStatusCard order={order} freshness={freshness} headingLevel={2} expanded />
      {!freshness.stale && (
        <p className="text-sm text-slate-600">
          Checked with {shop.name} <time dateTime={freshness.fetchedAt}>{age === 'just now' ? 'just now' : age}</time>.
        </p>
      )}
      <BackLinks back={back} />
    </div>
  );
}

function BackLinks({ back }: { back: string }) {
  return (
    <nav aria-label="Order pages" className="flex flex-wrap gap-x-6 gap-y-2 pt-2">
      <Link href={back} className="inline-flex min-h-6 items-center font-semibold text-slate-900 underline underline-offset-2">
        Look up another order
      </Link>
      <Link href={`${back}/orders`} className="inline-flex min-h-6 items-center font-semibold text-slate-900 underline underline-offset-2">
        All my orders
      </Link>
    </nav>
  );
}

function NotAvailable({ back }: { back: string }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">This order is not available</h1>
      <p className="text-slate-700">Look it up with its order number and email first, or open the link in your order email again.</p>
      <Link href={back} className="inline-flex min-h-11 items-center rounded-lg bg-[var(--brand)] px-5 py-2 font-semibold text-[var(--on-brand)]">
        Look up an order
      </Link>
    </div>
  );
}
