import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { analyticsEvents, shops, webhookDeliveries } from '../db/schema';
import type { Services } from '../services';
import { createTestServices } from '../../../test/support/test-services';
import { runScheduledMaintenance } from './run-scheduled-maintenance';

const SHOP = '00000000-0000-4000-8000-0000000000c7';
const DAY_MS = 24 * 60 * 60 * 1000;
let services: Services;

beforeAll(async () => {
  services = await createTestServices();
  await services.db
    .insert(shops)
    .values({ id: SHOP, domain: 'cron-test.myshopify.com', name: 'Cron', apiOrigin: 'http://127.0.0.1:1', accessTokenEncrypted: 'x' });
});
afterAll(() => services?.close());

describe('runScheduledMaintenance', () => {
  it('writes buffered analytics events and applies retention at most once an hour across instances', async () => {
    const now = new Date();
    await services.db.insert(webhookDeliveries).values([
      { webhookId: 'cron-old', shopDomain: 'cron-test.myshopify.com', topic: 'orders/updated', receivedAt: new Date(now.getTime() - 8 * DAY_MS) },
      { webhookId: 'cron-recent', shopDomain: 'cron-test.myshopify.com', topic: 'orders/updated', receivedAt: new Date(now.getTime() - DAY_MS) },
    ]);
    services.analytics.record({ shopId: SHOP, type: 'answer_sent', door: 'widget', latencyMs: 12 });

    expect(await runScheduledMaintenance(services, now)).toEqual({ analyticsFlushed: true, retention: 'ran' });
    expect(await services.db.select().from(analyticsEvents).where(eq(analyticsEvents.shopId, SHOP))).toHaveLength(1);
    const ids = async () =>
      (
        await services.db
          .select({ id: webhookDeliveries.webhookId })
          .from(webhookDeliveries)
          .where(inArray(webhookDeliveries.webhookId, ['cron-old', 'cron-recent', 'cron-old-2']))
      )
        .map((row) => row.id)
        .sort();
    expect(await ids()).toEqual(['cron-recent']);

    // A second call within the hour (another cron hit, or another instance's timer) leaves retention alone.
    await services.db
      .insert(webhookDeliveries)
      .values({ webhookId: 'cron-old-2', shopDomain: 'cron-test.myshopify.com', topic: 'orders/updated', receivedAt: new Date(now.getTime() - 8 * DAY_MS) });
    expect(await runScheduledMaintenance(services, new Date(now.getTime() + 60_000))).toEqual({ analyticsFlushed: true, retention: 'not_due' });
    expect(await ids()).toEqual(['cron-old-2', 'cron-recent']);
  });
});
