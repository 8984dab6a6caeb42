import { AuditBody } from '@/components/dashboard/activity-bodies';
import { dashboardDoor } from '@/components/dashboard/dashboard-door';
import { forMerchantPage, rangeFromSearch, readShopAccess } from '@/server/http/next-merchant-request';
import { viewAuditLog } from '@/server/use-cases/dashboard/merchant-dashboard';

type Props = { params: Promise<{ shop: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every verification attempt and order view: keyed hashes only, never an email or an address. */
export default async function AuditPage({ params, searchParams }: Props) {
  const { shop } = await params;
  const range = rangeFromSearch(await searchParams);
  const view = await forMerchantPage(async () => {
    const { services, access } = await readShopAccess(shop);
    return viewAuditLog(services, access, range);
  });
  return <AuditBody door={dashboardDoor(shop)} view={view} />;
}
