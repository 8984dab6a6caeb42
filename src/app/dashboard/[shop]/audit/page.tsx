import { DataTable } from '@/components/dashboard/data-table';
import { forMerchantPage, rangeFromSearch, readShopAccess } from '@/server/http/next-merchant-request';
import { viewAuditLog } from '@/server/use-cases/dashboard/merchant-dashboard';
import { localDateTime } from '@/domain/analytics/shop-days';
import { auditActionLabel, auditResultLabel, doorLabel, failureReasonLabel } from '@/domain/analytics/dashboard-labels';
import { RangeForm } from '../range-form';

type Props = { params: Promise<{ shop: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every verification attempt and order view: keyed hashes only, never an email or an address. */
export default async function AuditPage({ params, searchParams }: Props) {
  const { shop } = await params;
  const range = rangeFromSearch(await searchParams);
  const { range: shown, rows } = await forMerchantPage(async () => {
    const { services, access } = await readShopAccess(shop);
    return viewAuditLog(services, access, range);
  });
  const zone = shown.timeZone ?? 'UTC';
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold text-slate-900">Audit log</h1>
        <RangeForm from={shown.from} to={shown.to} timeZone={zone} />
      </div>
      <p className="text-slate-700">
        Emails and client addresses appear only as shortened keyed hashes: the same shopper has the same hash, and nobody can read it back.
      </p>
      <DataTable
        caption={`Latest 200 entries, ${shown.from} to ${shown.to}`}
        exportHref={`/dashboard/${encodeURIComponent(shop)}/export/audit.csv?from=${shown.from}&to=${shown.to}`}
        columns={[`At (${zone})`, 'Door', 'Action', 'Result', 'Reason', 'Email hash', 'Client hash', 'Order id']}
        rows={rows.map((r) => [
          localDateTime(r.at, zone, true),
          doorLabel(r.door),
          auditActionLabel(r.action),
          auditResultLabel(r.result),
          failureReasonLabel(r.reason),
          r.emailHash,
          r.clientHash,
          r.orderId,
        ])}
      />
    </div>
  );
}
