import { OrderTimelineResult } from '@/components/dashboard/order-timeline-result';
import { EmbeddedNotice, EmbeddedShell } from '@/components/embedded/embedded-shell';
import { loadEmbeddedPage } from '@/server/http/next-embedded-request';
import { viewOrderTimeline } from '@/server/use-cases/dashboard/merchant-dashboard';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata = { title: 'Order timeline' };

/** Any order's timeline inside Shopify admin (same use case as /dashboard/{shop}/orders). */
export default async function EmbeddedOrderTimelinePage({ searchParams }: Props) {
  const search = await searchParams;
  const page = await loadEmbeddedPage('/embedded/orders', search);
  if (page.kind === 'refused') return <EmbeddedNotice title={page.title} message={page.message} />;
  const { services, access, links } = page;
  const raw = search.number;
  const number = typeof raw === 'string' ? raw.trim().slice(0, 64) : '';
  const timeline = number ? await viewOrderTimeline(services, access, number) : undefined;
  return (
    <EmbeddedShell title="Order timeline" staff={{ name: access.staff.name, role: access.membership.role }}>
      <h1 className="text-2xl font-bold text-slate-900">Order timeline</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Find an order">
        {Object.entries(links.hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label className="text-sm font-medium text-slate-900">
          Order number
          <input name="number" defaultValue={number} placeholder="#1001" className="mt-1 block min-h-10 rounded-md border border-slate-400 px-2" />
        </label>
        <button type="submit" className="min-h-10 rounded-md bg-blue-700 px-4 text-sm font-semibold text-white hover:bg-blue-800">
          Show timeline
        </button>
      </form>
      <OrderTimelineResult timeline={timeline} />
    </EmbeddedShell>
  );
}
