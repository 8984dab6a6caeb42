import { localDateTime } from '@/domain/analytics/shop-days';
import { Card } from '@/components/dashboard/data-table';
import { OrderTimelineChart } from '@/components/dashboard/order-timeline-chart';
import type { viewOrderTimeline } from '@/server/use-cases/dashboard/merchant-dashboard';

const DOOR_NAMES: Record<string, string> = { widget: 'Chat', page: 'Tracking page', email_link: 'Email link', app_proxy: 'Storefront chat', api: 'API' };

/** One order's story (or why there is none), shared by the dashboard and its embedded mode in Shopify admin. */
export function OrderTimelineResult({ timeline }: { timeline: Awaited<ReturnType<typeof viewOrderTimeline>> | undefined }) {
  return (
    <>
      {timeline === null && (
        <p role="status" className="text-slate-900">
          No order with that number in this shop.
        </p>
      )}
      {timeline?.unavailable && (
        <p role="status" className="text-slate-900">
          Shopify is not answering right now and we have no saved copy of that order.
        </p>
      )}
      {timeline && !timeline.unavailable && (
        <Card
          title={`${timeline.order.orderName}: ${timeline.order.headline}`}
          help={timeline.stale ? 'Shopify did not answer; this is the last known state.' : undefined}
        >
          <OrderTimelineChart journey={timeline.journey} questions={timeline.questions} timeZone={timeline.timeZone} />
          <p className="text-sm text-slate-700">Times are in the shop&apos;s time zone ({timeline.timeZone}).</p>
          <ol className="space-y-2" aria-label="Timeline, oldest first">
            {[
              ...timeline.journey.map((j) => ({ at: new Date(j.at), kind: 'shop' as const, text: `${j.label}${j.detail ? ` · ${j.detail}` : ''}` })),
              ...timeline.questions.map((q) => ({
                at: new Date(q.at),
                kind: 'question' as const,
                text: `Shopper asked (${DOOR_NAMES[q.door] ?? q.door}). We answered: ${q.answer}`,
              })),
            ]
              .sort((a, b) => a.at.getTime() - b.at.getTime())
              .map((item, index) => (
                <li
                  key={index}
                  className={`rounded-md border-l-4 px-3 py-1.5 text-sm ${item.kind === 'shop' ? 'border-blue-700 bg-blue-50' : 'border-amber-600 bg-amber-50'}`}
                >
                  <time dateTime={item.at.toISOString()} className="font-semibold text-slate-900">
                    {localDateTime(item.at, timeline.timeZone)}
                  </time>{' '}
                  <span className="text-slate-900">{item.text}</span>
                </li>
              ))}
          </ol>
        </Card>
      )}
    </>
  );
}
