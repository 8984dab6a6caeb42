import { notFound } from 'next/navigation';
import { TranscriptBody } from '@/components/dashboard/activity-bodies';
import { dashboardDoor } from '@/components/dashboard/dashboard-door';
import { forMerchantPage, readShopAccess } from '@/server/http/next-merchant-request';
import { viewTranscript } from '@/server/use-cases/dashboard/merchant-dashboard';

type Props = { params: Promise<{ shop: string; id: string }> };

/** One chat, as the shopper saw it (emails they typed were masked before storage). */
export default async function TranscriptPage({ params }: Props) {
  const { shop, id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const t = await forMerchantPage(async () => {
    const { services, access } = await readShopAccess(shop);
    return viewTranscript(services, access, id);
  });
  return <TranscriptBody door={dashboardDoor(shop)} t={t} />;
}
