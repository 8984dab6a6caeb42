import Link from 'next/link';
import { HandoffAddressNotice } from '@/components/dashboard/handoff-address-notice';
import { OverviewSections } from '@/components/dashboard/overview-sections';
import { forMerchantPage, rangeFromSearch, readShopAccess } from '@/server/http/next-merchant-request';
import { viewOverview } from '@/server/use-cases/dashboard/merchant-dashboard';
import { viewConversationLanguages } from '@/server/use-cases/dashboard/load-conversation-languages';
import { DataTable } from '@/components/dashboard/data-table';
import { RangeForm } from '@/components/dashboard/range-form';

type Props = { params: Promise<{ shop: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** WISMO analytics for one shop and date range. */
export default async function OverviewPage({ params, searchParams }: Props) {
  const { shop } = await params;
  const search = await searchParams;
  const { o, languages } = await forMerchantPage(async () => {
    const { services, access } = await readShopAccess(shop);
    const range = rangeFromSearch(search);
    const [overview, byLanguage] = await Promise.all([viewOverview(services, access, range), viewConversationLanguages(services, access, range)]);
    return { o: { ...overview, supportEmail: access.shop.settings.supportEmail ?? null }, languages: byLanguage };
  });
  const query = `?from=${o.range.from}&to=${o.range.to}`;
  const exportHref = (name: string) => `/dashboard/${encodeURIComponent(shop)}/export/${name}.csv${query}`;
  const orderLink = (name: string) => (
    <Link
      key={name}
      href={`/dashboard/${encodeURIComponent(shop)}/orders?number=${encodeURIComponent(name)}`}
      className="font-medium text-blue-800 underline underline-offset-2"
    >
      {name}
    </Link>
  );

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold text-slate-900">Where-is-my-order questions</h1>
        <RangeForm from={o.range.from} to={o.range.to} timeZone={o.range.timeZone} />
      </div>

      <HandoffAddressNotice supportEmail={o.supportEmail} settingsHref={`/dashboard/${encodeURIComponent(shop)}/settings#support-email`} />
      <OverviewSections o={o} exportHref={exportHref} orderLink={orderLink} />
      <DataTable
        caption="Chats by the shopper's language"
        columns={['Language', 'Chats', 'Share']}
        rows={languages.map((row) => [row.language, row.conversations, `${Math.round(row.share * 100)} %`])}
      />
    </div>
  );
}
