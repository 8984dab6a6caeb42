import { ConversationsBody } from '@/components/dashboard/activity-bodies';
import { dashboardDoor } from '@/components/dashboard/dashboard-door';
import { forMerchantPage, rangeFromSearch, readShopAccess } from '@/server/http/next-merchant-request';
import { viewConversations } from '@/server/use-cases/dashboard/merchant-dashboard';

type Props = { params: Promise<{ shop: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConversationsPage({ params, searchParams }: Props) {
  const { shop } = await params;
  const range = rangeFromSearch(await searchParams);
  const view = await forMerchantPage(async () => {
    const { services, access } = await readShopAccess(shop);
    return viewConversations(services, access, range);
  });
  return <ConversationsBody door={dashboardDoor(shop)} view={view} />;
}
