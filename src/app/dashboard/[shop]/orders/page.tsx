import { OrderTimelineResult } from '@/components/dashboard/order-timeline-result';
import { forMerchantPage, readShopAccess } from '@/server/http/next-merchant-request';
import { viewOrderTimeline } from '@/server/use-cases/dashboard/merchant-dashboard';

type Props = { params: Promise<{ shop: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Any order's story: the Shopify journey and, on the same line, when shoppers asked and what we answered. */
export default async function OrderTimelinePage({ params, searchParams }: Props) {
  const { shop } = await params;
  const raw = (await searchParams).number;
  const number = typeof raw === 'string' ? raw.trim().slice(0, 64) : '';
  const timeline = number
    ? await forMerchantPage(async () => {
        const { services, access } = await readShopAccess(shop);
        return viewOrderTimeline(services, access, number);
      })
    : undefined;
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
      <OrderTimelineResult timeline={timeline} />
    </div>
  );
}
