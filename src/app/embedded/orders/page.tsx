import { OrderTimelineBody, orderNumberFromSearch } from '@/components/dashboard/order-timeline-body';
import { EmbeddedNotice, EmbeddedShell } from '@/components/embedded/embedded-shell';
import { loadEmbeddedPage } from '@/server/http/next-embedded-request';
import { viewOrderTimeline } from '@/server/use-cases/dashboard/merchant-dashboard';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata = { title: 'Order timeline' };

/** Any order's timeline inside Shopify admin (the dashboard's body and use case). */
export default async function EmbeddedOrderTimelinePage({ searchParams }: Props) {
  const search = await searchParams;
  const page = await loadEmbeddedPage('/embedded/orders', search);
  if (page.kind === 'refused') return <EmbeddedNotice title={page.title} message={page.message} />;
  const { services, access, door } = page;
  const number = orderNumberFromSearch(search);
  const timeline = number ? await viewOrderTimeline(services, access, number) : undefined;
  return (
    <EmbeddedShell title="Order timeline" staff={{ name: access.staff.name, role: access.membership.role }}>
      <OrderTimelineBody door={door} number={number} timeline={timeline} />
    </EmbeddedShell>
  );
}
