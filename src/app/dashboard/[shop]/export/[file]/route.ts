import { type NextRequest } from 'next/server';
import { toHttpError } from '@/server/api/app-error-converter';
import { readShopAccess } from '@/server/http/next-merchant-request';
import { viewAuditLog, viewConversations, viewOverview } from '@/server/use-cases/dashboard/merchant-dashboard';
import { EXPORT_TABLES, overviewTables, toCsv, type ExportTableName, type Table } from '@/server/dashboard/dashboard-tables';

type Context = { params: Promise<{ shop: string; file: string }> };

const plain = (status: number, text: string) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** GET /dashboard/{shop}/export/{table}.csv?from=&to= → that table as CSV (members of the shop only). */
export async function GET(request: NextRequest, { params }: Context) {
  const { shop, file } = await params;
  const name = file.replace(/\.csv$/, '') as ExportTableName;
  if (!file.endsWith('.csv') || !EXPORT_TABLES.includes(name)) return plain(404, 'Not found');
  const search = request.nextUrl.searchParams;
  const range = { from: search.get('from') ?? undefined, to: search.get('to') ?? undefined };
  let domain = shop;
  let table: Table;
  try {
    const { services, access } = await readShopAccess(shop);
    domain = access.shop.domain;
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
      table = overviewTables(await viewOverview(services, access, range))[name];
    }
  } catch (error) {
    const answer = toHttpError(error);
    if (!answer.appError) throw error;
    if (answer.appError.code === 'forbidden') return plain(404, 'Not found');
    return plain(answer.status, answer.status === 404 ? 'Not found' : answer.message);
  }
  return new Response(toCsv(table), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${domain.replace(/[^a-z0-9.-]/gi, '')}-${name}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
