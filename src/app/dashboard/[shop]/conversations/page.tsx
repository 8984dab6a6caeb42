import Link from 'next/link';
import { DataTable } from '@/components/dashboard/data-table';
import { forMerchantPage, rangeFromSearch, readShopAccess } from '@/server/http/next-merchant-request';
import { viewConversations } from '@/server/use-cases/dashboard/merchant-dashboard';
import { localDateTime } from '@/domain/analytics/shop-days';
import { RangeForm } from '../range-form';

type Props = { params: Promise<{ shop: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConversationsPage({ params, searchParams }: Props) {
  const { shop } = await params;
  const range = rangeFromSearch(await searchParams);
  const {
    range: shown,
    rows,
    opensWithoutMessage,
  } = await forMerchantPage(async () => {
    const { services, access } = await readShopAccess(shop);
    return viewConversations(services, access, range);
  });
  const zone = shown.timeZone ?? 'UTC';
  const base = `/dashboard/${encodeURIComponent(shop)}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold text-slate-900">Conversations</h1>
        <RangeForm from={shown.from} to={shown.to} timeZone={zone} />
      </div>
      <p className="text-sm text-slate-700">Widget opened without a message: {opensWithoutMessage} (counted as opens, not listed).</p>
      <DataTable
        caption={`Chats started ${shown.from} to ${shown.to}, newest first`}
        exportHref={`${base}/export/conversations.csv?from=${shown.from}&to=${shown.to}`}
        columns={[`Started (${zone})`, 'Door', 'Language', 'Status', 'Messages', '']}
        rows={rows.map((r) => [
          localDateTime(r.createdAt, zone),
          r.door,
          r.language,
          r.status === 'handed_off' ? 'Handed to a person' : r.status,
          r.messages,
          <Link key={r.id} href={`${base}/conversations/${r.id}`} className="inline-block py-1 font-medium text-blue-800 underline underline-offset-2">
            Transcript<span className="sr-only"> of the chat started {localDateTime(r.createdAt, zone)}</span>
          </Link>,
        ])}
      />
    </div>
  );
}
