import { localDateTime } from '@/domain/analytics/shop-days';
import { Card } from '@/components/dashboard/data-table';
import { OrderTimelineChart } from '@/components/dashboard/order-timeline-chart';
import { forMerchantPage, readShopAccess } from '@/server/http/next-merchant-request';
import { viewOrderTimeline } from '@/server/use-cases/dashboard/merchant-dashboard';

type Props = { params: Promise<{ shop: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DOOR_NAMES: Record<string, string> = { widget: 'Chat', page: 'Tracking page', email_link: 'Email link', app_proxy: 'Storefront chat', api: 'API' };

/** Any order's story: the Shopify journey and, on the same line, when shoppers asked and what we answered. */
export default async function OrderTimelinePage({ params, searchParams }: Props) {
  const { shop } = await params;
  const raw = (await searchParams).number;
  const number = typeof raw === 'string' ? raw.trim().slice(0, 64) : '';
  const timeline = number ? await forMerchantPage(async () => {
        const { services, access } = await readShopAccess(shop);
        return viewOrderTimeline(services, access, number);
      }) : undefined;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Order timeline</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Find an order">
        <label className="text-sm font-medium text-slate-900">
          Order number
          <input name="number" defaultValue={number} placeholder="#1001" className="mt-1 block min-h-10 rounded-md border border-slate-400 px-2" />
        </label>
        <button type="submit" className="min-h-10 rounded-md bg-blue-700 px-4 text-sm font-semibold text-white hover:bg-blue-800">
          Show timeline
        </button>
      </form>
      {timeline === null && <p role="status" className="text-slate-900">No order with that number in this shop.</p>}
      {timeline?.unavailable && <p role="status" className="text-slate-900">Shopify is not answering right now and we have no saved copy of that order.</p>}
      {timeline && !timeline.unavailable && (
        <Card title={`${timeline.order.orderName}: ${timeline.order.headline}`} help={timeline.stale ? 'Shopify did not answer; this is the last known state.' : undefined}>
          <OrderTimelineChart journey={timeline.journey} questions={timeline.questions} />
          <p className="text-sm text-slate-700">Times are in the shop&apos;s time zone ({timeline.timeZone}).</p>
          <ol className="space-y-2" aria-label="Timeline, oldest first">
            {[
              ...timeline.journey.map((j) => ({ at: new Date(j.at), kind: 'shop' as const, text: `${j.label}${j.detail ? ` · ${j.detail}` : ''}` })),
              ...timeline.questions.map((q) => ({ at: new Date(q.at), kind: 'question' as const, text: `Shopper asked (${DOOR_NAMES[q.door] ?? q.door}). We answered: ${q.answer}` })),
            ]
              .sort((a, b) => a.at.getTime() - b.at.getTime())
              .map((item, index) => (
                <li key={index} className={`rounded-md border-l-4 px-3 py-1.5 text-sm ${item.kind === 'shop' ? 'border-blue-700 bg-blue-50' : 'border-amber-600 bg-amber-50'}`}>
                  <time dateTime={item.at.toISOString()} className="font-semibold text-slate-900">
                    {localDateTime(item.at, timeline.timeZone)}
                  </time>{' '}
                  <span className="text-slate-900">{item.text}</span>
                </li>
              ))}
          </ol>
        </Card>
      )}
    </div>
  );
}
