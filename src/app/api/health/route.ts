import { NextResponse, type NextRequest } from 'next/server';
import { sql } from 'drizzle-orm';
import { getServices, type Services } from '@/server/services';
import { safeEqual } from '@/server/crypto/secrets';
import { createHealthCheck, publicHealthReport, type HealthReport } from '@/server/shops/check-health';
import { syncWebhookSubscriptions } from '@/server/shops/sync-webhook-subscriptions';

export const dynamic = 'force-dynamic';

const globalForHealth = globalThis as unknown as { __healthCheck?: () => Promise<HealthReport> };

function healthCheck(services: Services) {
  globalForHealth.__healthCheck ??= createHealthCheck({
    database: { kind: services.dbKind, ping: () => services.db.execute(sql`select 1`) },
    cache: { kind: services.store.kind, ping: () => services.store.ping() },
    listShops: () => services.shops.listShops(),
    checkShop: async (shop) => services.shopify.fetchShopInfo(await services.shops.getShopCredentials(shop)),
    checkWebhooks: async (shop) => {
      const result = await syncWebhookSubscriptions(services, shop, { dryRun: true });
      if (!result.ok) throw Object.assign(new Error(result.message), { kind: result.reason === 'unreachable' ? 'unavailable' : 'bad_response' });
      return { complete: result.complete, missing: result.missing };
    },
    clientAddresses: () => services.clientAddresses.health(),
  });
  return globalForHealth.__healthCheck;
}

/**
 * GET /api/health: 200 while the database answers (status ok or degraded), 503 when it does not. Shops are
 * named only for `Authorization: Bearer $HEALTH_TOKEN`: the list of a deployment's merchants is not public.
 * With the token it also says whether the deployment can see client addresses (`clientAddresses.warning`).
 */
export async function GET(request: NextRequest) {
  const services = await getServices().catch(() => null);
  const report: HealthReport = services
    ? await healthCheck(services)()
    : { status: 'down', database: { ok: false, kind: 'unknown', latencyMs: 0 }, cache: { ok: false, kind: 'unknown', latencyMs: 0 }, shops: [] };
  const token = services?.env.HEALTH_TOKEN;
  const bearer = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  const detailed = token !== undefined && bearer !== undefined && safeEqual(bearer, token);
  return NextResponse.json(detailed ? report : publicHealthReport(report), {
    status: report.status === 'down' ? 503 : 200,
    headers: { 'cache-control': 'no-store' },
  });
}
