import { NextResponse } from 'next/server';
import { sql } from 'drizzle-orm';
import { getServices, type Services } from '@/server/services';
import { createHealthCheck, type HealthReport } from '@/server/shops/check-health';

export const dynamic = 'force-dynamic';

const globalForHealth = globalThis as unknown as { __healthCheck?: () => Promise<HealthReport> };

function healthCheck(services: Services) {
  globalForHealth.__healthCheck ??= createHealthCheck({
    database: { kind: services.dbKind, ping: () => services.db.execute(sql`select 1`) },
    cache: { kind: services.store.kind, ping: () => services.store.ping() },
    listShops: () => services.shops.listShops(),
    checkShop: async (shop) => services.shopify.fetchShopInfo(await services.shops.getShopCredentials(shop)),
  });
  return globalForHealth.__healthCheck;
}

/** GET /api/health: 200 while the database answers (status ok or degraded), 503 when it does not. */
export async function GET() {
  const services = await getServices().catch(() => null);
  const report: HealthReport = services
    ? await healthCheck(services)()
    : { status: 'down', database: { ok: false, kind: 'unknown', latencyMs: 0 }, cache: { ok: false, kind: 'unknown', latencyMs: 0 }, shops: [] };
  return NextResponse.json(report, {
    status: report.status === 'down' ? 503 : 200,
    headers: { 'cache-control': 'no-store' },
  });
}
