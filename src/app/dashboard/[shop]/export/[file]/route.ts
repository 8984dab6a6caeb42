import { type NextRequest } from 'next/server';
import { toHttpError } from '@/server/api/app-error-converter';
import { readShopAccess } from '@/server/http/next-merchant-request';
import { csvResponse, exportDashboardTable, parseExportFile } from '@/server/use-cases/dashboard/export-dashboard-table';

type Context = { params: Promise<{ shop: string; file: string }> };

const plain = (status: number, text: string) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** GET /dashboard/{shop}/export/{table}.csv?from=&to= → that table as CSV (members of the shop only). */
export async function GET(request: NextRequest, { params }: Context) {
  const { shop, file } = await params;
  const name = parseExportFile(file);
  if (!name) return plain(404, 'Not found');
  const search = request.nextUrl.searchParams;
  const range = { from: search.get('from') ?? undefined, to: search.get('to') ?? undefined };
  try {
    const { services, access } = await readShopAccess(shop);
    return csvResponse(await exportDashboardTable(services, access, name, range));
  } catch (error) {
    const answer = toHttpError(error);
    if (!answer.appError) throw error;
    if (answer.appError.code === 'forbidden') return plain(404, 'Not found');
    return plain(answer.status, answer.status === 404 ? 'Not found' : answer.message);
  }
}
