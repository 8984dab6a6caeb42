import { OverviewSections } from '@/components/dashboard/overview-sections';
import { EmbeddedNotice, EmbeddedShell } from '@/components/embedded/embedded-shell';
import { loadEmbeddedPage } from '@/server/http/next-embedded-request';
import { rangeFromSearch } from '@/server/http/next-merchant-request';
import { viewOverview } from '@/server/use-cases/dashboard/merchant-dashboard';
import { RangeForm } from '@/components/dashboard/range-form';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata = { title: 'Overview' };

/** The dashboard's overview inside Shopify admin: the same use case and sections, identity from the session token. */
export default async function EmbeddedOverviewPage({ searchParams }: Props) {
  const search = await searchParams;
  const page = await loadEmbeddedPage('/embedded', search);
  if (page.kind === 'refused') return <EmbeddedNotice title={page.title} message={page.message} />;
  const { services, access, door } = page;
  const o = await viewOverview(services, access, rangeFromSearch(search));
  const orderLink = (name: string) => (
    <door.Anchor key={name} href={door.href('orders', { number: name })} className="font-medium text-blue-800 underline underline-offset-2">
      {name}
    </door.Anchor>
  );
  return (
    <EmbeddedShell title="Where-is-my-order questions" staff={{ name: access.staff.name, role: access.membership.role }}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold text-slate-900">Where-is-my-order questions</h1>
        <RangeForm from={o.range.from} to={o.range.to} timeZone={o.range.timeZone} extra={door.hidden} />
      </div>
      <OverviewSections o={o} exportHref={(name) => door.exportHref(name, o.range)} orderLink={orderLink} />
    </EmbeddedShell>
  );
}
