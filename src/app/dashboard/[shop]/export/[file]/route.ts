import { TRPCError } from '@trpc/server';
import { type NextRequest } from 'next/server';
import { dashboardCaller } from '@/server/dashboard/dashboard-context';
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
  const { caller } = await dashboardCaller();
  const domain = decodeURIComponent(shop);
  let table: Table;
  try {
    if (name === 'conversations') {
      const { rows } = await caller.dashboard.conversations({ shop: domain, ...range });
      table = { caption: 'Conversations', columns: ['Started', 'Door', 'Status', 'Messages', 'Conversation id'], rows: rows.map((r) => [r.createdAt.toISOString(), r.door, r.status, r.messages, r.id]) };
    } else if (name === 'audit') {
      const { rows } = await caller.dashboard.auditLog({ shop: domain, ...range });
      table = { caption: 'Audit log', columns: ['At', 'Door', 'Action', 'Result', 'Reason', 'Email hash', 'Client hash', 'Order id'], rows: rows.map((r) => [r.at.toISOString(), r.door, r.action, r.result, r.reason, r.emailHash, r.clientHash, r.orderId]) };
    } else {
      table = overviewTables(await caller.dashboard.overview({ shop: domain, ...range }))[name];
    }
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') return plain(401, 'Please sign in.');
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return plain(404, 'Not found');
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST') return plain(400, 'The date range is not valid.');
    throw error;
  }
  return new Response(toCsv(table), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${domain.replace(/[^a-z0-9.-]/gi, '')}-${name}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
