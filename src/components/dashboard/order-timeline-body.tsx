import { DoorFields, type DashboardDoor } from '@/components/dashboard/dashboard-door';
import { OrderTimelineResult } from '@/components/dashboard/order-timeline-result';
import type { viewOrderTimeline } from '@/server/use-cases/dashboard/merchant-dashboard';

/** The order-timeline section: the search form and one order's story (both doors). */
export function OrderTimelineBody({
  door,
  number,
  timeline,
}: {
  door: DashboardDoor;
  number: string;
  timeline: Awaited<ReturnType<typeof viewOrderTimeline>> | undefined;
}) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Order timeline</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Find an order">
        <DoorFields door={door} />
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

/** `?number=` as the order number to look up ('' when absent). */
export function orderNumberFromSearch(search: Record<string, string | string[] | undefined>): string {
  const raw = search.number;
  return typeof raw === 'string' ? raw.trim().slice(0, 64) : '';
}
