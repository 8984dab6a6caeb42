import { eq } from 'drizzle-orm';
import type { Services } from '@/server/services';
import { auditEvents, grants, orderSnapshots, webhookDeliveries } from '@/server/db/schema';
import { orderCacheKey, orderNameCacheKey } from '@/domain/orders/order-cache-keys';
import type { WebhookDeps } from '@/domain/webhooks/webhook-deps';
import type { Shop } from '@/domain/shops/shop';
import { shopifyWebhookDeps } from '../../src/server/wiring/webhook-deps';

let counter = 0;

/** Seeds shops, snapshots, cache entries, grants and audit rows for webhook tests, and reads them back. */
export function webhookFixtures(services: Services) {
  const logs: string[] = [];
  const exports: unknown[] = [];
  const capture = (message: string, fields?: Record<string, unknown>) => void logs.push(JSON.stringify({ message, ...fields }));
  const deps: WebhookDeps = shopifyWebhookDeps(services, {
    logger: { info: capture, warn: capture, error: capture },
    deliverDataExport: async (data) => void exports.push(data),
  });
  const hashEmail = (email: string) => deps.hashEmail(email)!;

  return {
    deps,
    logs,
    exports,
    hashEmail,
    async makeShop(options: { webhookSecret?: string } = {}): Promise<Shop> {
      const domain = `shop-${++counter}-${Date.now()}.myshopify.com`;
      return services.shops.saveShop({
        domain,
        name: domain,
        apiOrigin: `http://127.0.0.1:1/shops/${domain}`,
        accessToken: 'shpat_test',
        timezone: 'UTC',
        currency: 'USD',
        ...(options.webhookSecret ? { webhookSecret: options.webhookSecret } : {}),
      });
    },
    /** A snapshot row plus both cache entries (by id and by number) for one order. */
    async seedOrder(shop: Shop, order: { id: string; name: string; email?: string; customerId?: string }) {
      await services.db.insert(orderSnapshots).values({
        shopId: shop.id,
        orderId: order.id,
        orderName: order.name,
        emailHash: order.email ? hashEmail(order.email) : null,
        customerId: order.customerId ?? null,
        view: { status: 'shipped', firstName: 'Jo' },
        fetchedAt: new Date('2025-03-01T10:00:00Z'),
      });
      await services.store.set(orderCacheKey(shop.id, order.id), JSON.stringify({ orderId: order.id }), 600_000);
      await services.store.set(orderNameCacheKey(shop.id, order.name.replace(/\D/g, '')), JSON.stringify([order.id]), 600_000);
    },
    async seedGrant(shop: Shop, kind: 'order' | 'email' | 'customer', subject: string) {
      await services.db
        .insert(grants)
        .values({ holderHash: `holder-${++counter}`, shopId: shop.id, kind, subject, door: 'widget', expiresAt: new Date(Date.now() + 3600_000) });
    },
    async seedAudit(shop: Shop, email: string | null, orderId: string | null) {
      await services.db.insert(auditEvents).values({
        shopId: shop.id,
        door: 'widget',
        action: 'verify',
        result: orderId ? 'success' : 'failure',
        emailHash: email ? hashEmail(email) : null,
        clientHash: 'client-hash',
        orderId,
      });
    },
    /** Reads the store directly (not the SafeCache), so a store failure fails the test instead of looking like a drop. */
    cached: (key: string) => services.store.get(key),
    async snapshotIds(shop: Shop) {
      const rows = await services.db.select({ id: orderSnapshots.orderId }).from(orderSnapshots).where(eq(orderSnapshots.shopId, shop.id));
      return rows.map((r) => r.id).sort();
    },
    async grantSubjects(shop: Shop) {
      const rows = await services.db.select({ s: grants.subject }).from(grants).where(eq(grants.shopId, shop.id));
      return rows.map((r) => r.s).sort();
    },
    async auditRows(shop: Shop) {
      return services.db.select().from(auditEvents).where(eq(auditEvents.shopId, shop.id)).orderBy(auditEvents.id);
    },
    async deliveryExists(webhookId: string) {
      return (await services.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId))).length > 0;
    },
  };
}
