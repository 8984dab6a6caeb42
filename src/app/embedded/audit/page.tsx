import { AuditBody } from '@/components/dashboard/activity-bodies';
import { EmbeddedNotice, EmbeddedShell } from '@/components/embedded/embedded-shell';
import { loadEmbeddedPage } from '@/server/http/next-embedded-request';
import { rangeFromSearch } from '@/server/http/next-merchant-request';
import { viewAuditLog } from '@/server/use-cases/dashboard/merchant-dashboard';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata = { title: 'Audit log' };

/** The audit log inside Shopify admin (the dashboard's body and use case). */
export default async function EmbeddedAuditPage({ searchParams }: Props) {
  const search = await searchParams;
  const page = await loadEmbeddedPage('/embedded/audit', search);
  if (page.kind === 'refused') return <EmbeddedNotice title={page.title} message={page.message} />;
  const { services, access, door } = page;
  const view = await viewAuditLog(services, access, rangeFromSearch(search));
  return (
    <EmbeddedShell title="Audit log" staff={{ name: access.staff.name, role: access.membership.role }}>
      <AuditBody door={door} view={view} />
    </EmbeddedShell>
  );
}
