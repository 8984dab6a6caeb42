import { EXPORT_TABLES, overviewTables, toCsv, type ExportTableName, type Table } from '../../dashboard/dashboard-tables';
import type { Services } from '../../services';
import type { ShopAccess } from './authorize-shop-access';
import { viewAuditLog, viewConversations, viewOverview } from './merchant-dashboard';

/** `{table}.csv` as an export name, or null when it is not one of EXPORT_TABLES. */
export function parseExportFile(file: string): ExportTableName | null {
  const name = file.replace(/\.csv$/, '');
  return file.endsWith('.csv') && (EXPORT_TABLES as readonly string[]).includes(name) ? (name as ExportTableName) : null;
}

/**
 * One dashboard table of a date range as CSV, for whoever holds `access` (both doors: the magic-link dashboard's
 * cookie, the embedded dashboard's session token). Stops as the dashboard's reads do.
 */
export async function exportDashboardTable(
  services: Services,
  access: ShopAccess,
  name: ExportTableName,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<{ filename: string; csv: string }> {
  let table: Table;
  if (name === 'conversations') {
    const { rows } = await viewConversations(services, access, range);
    table = {
      caption: 'Conversations',
      columns: ['Started', 'Door', 'Language', 'Status', 'Messages', 'Conversation id'],
      rows: rows.map((r) => [r.createdAt.toISOString(), r.door, r.locale, r.status, r.messages, r.id]),
    };
  } else if (name === 'audit') {
    const { rows } = await viewAuditLog(services, access, range);
    table = {
      caption: 'Audit log',
      columns: ['At', 'Door', 'Action', 'Result', 'Reason', 'Email hash', 'Client hash', 'Order id'],
      rows: rows.map((r) => [r.at.toISOString(), r.door, r.action, r.result, r.reason, r.emailHash, r.clientHash, r.orderId]),
    };
  } else {
    table = overviewTables(await viewOverview(services, access, range), 'codes')[name];
  }
  return { filename: `${access.shop.domain.replace(/[^a-z0-9.-]/gi, '')}-${name}.csv`, csv: toCsv(table) };
}

/** The HTTP answer of an export: the CSV as an attachment, never cached. */
export function csvResponse(file: { filename: string; csv: string }): Response {
  return new Response(file.csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'no-store',
    },
  });
}
