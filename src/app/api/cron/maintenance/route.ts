import { NextResponse } from 'next/server';
import { getEnv } from '@/env';
import { getServices } from '@/server/services';
import { authorizeCronRequest } from '@/server/maintenance/authorize-cron';
import { runScheduledMaintenance } from '@/server/maintenance/run-scheduled-maintenance';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

/**
 * GET (Vercel Cron) or POST /api/cron/maintenance with `Authorization: Bearer $CRON_SECRET`: flushes this
 * instance's analytics buffer and runs the hourly retention if due. 404 while CRON_SECRET is unset.
 */
async function handle(request: Request) {
  const access = authorizeCronRequest(request.headers.get('authorization'), getEnv().CRON_SECRET);
  if (access === 'disabled') return NextResponse.json({ error: 'not_found' }, { status: 404, headers: noStore });
  if (access === 'denied') return NextResponse.json({ error: 'unauthorized' }, { status: 401, headers: noStore });
  const services = await getServices().catch(() => null);
  if (!services) return NextResponse.json({ error: 'unavailable' }, { status: 503, headers: { ...noStore, 'retry-after': '30' } });
  return NextResponse.json(await runScheduledMaintenance(services), { headers: noStore });
}

export { handle as GET, handle as POST };
