import { dashboardDoor } from '@/components/dashboard/dashboard-door';
import { OrderTimelineBody, orderNumberFromSearch } from '@/components/dashboard/order-timeline-body';
import { forMerchantPage, readShopAccess } from '@/server/http/next-merchant-request';
import { viewOrderTimeline } from '@/server/use-cases/dashboard/merchant-dashboard';

type Props = { params: Promise<{ shop: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Any order's story: the Shopify journey and, on the same line, when shoppers asked and what we answered. */
export default async function OrderTimelinePage({ params, searchParams }: Props) {
  const { shop } = await params;
  const number = orderNumberFromSearch(await searchParams);
  const timeline = number
    ? await forMerchantPage(async () => {
        const { services, access } = await readShopAccess(shop);
        return viewOrderTimeline(services, access, number);
      })
    : undefined;
  return <OrderTimelineBody door={dashboardDoor(shop)} number={number} timeline={timeline} />;
}
