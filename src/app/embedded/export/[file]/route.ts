import { type NextRequest } from 'next/server';
import { toHttpError } from '@/server/api/app-error-converter';
import { readEmbeddedRequestAccess } from '@/server/http/next-embedded-request';
import { csvResponse, exportDashboardTable, parseExportFile } from '@/server/use-cases/dashboard/export-dashboard-table';

type Context = { params: Promise<{ file: string }> };

const plain = (status: number, text: string) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * GET /embedded/export/{table}.csv?shop=&from=&to= with `Authorization: Bearer <session token>` (App Bridge's
 * fetch): the dashboard's CSV export inside Shopify admin. No cookie is read; no token, no file.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const { file } = await params;
  const name = parseExportFile(file);
  if (!name) return plain(404, 'Not found');
  const search = request.nextUrl.searchParams;
  try {
    const { services, access } = await readEmbeddedRequestAccess({
      authorization: request.headers.get('authorization'),
      shop: search.get('shop') ?? undefined,
    });
    return csvResponse(await exportDashboardTable(services, access, name, { from: search.get('from') ?? undefined, to: search.get('to') ?? undefined }));
  } catch (error) {
    const answer = toHttpError(error);
    if (!answer.appError) throw error;
    return plain(answer.status, answer.message);
  }
}
