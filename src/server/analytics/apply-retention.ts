import { and, eq, lt } from 'drizzle-orm';
import { analyticsDaily, analyticsEvents, analyticsInquiries, analyticsOrderViews, conversations, shops, webhookDeliveries } from '../db/schema';
import type { Services } from '../services';

export const DEFAULT_RETENTION_DAYS = 365;
/** Webhook ids are kept this long to drop Shopify's retries (it retries for 48 hours). */
export const WEBHOOK_DEDUPE_DAYS = 7;
/** Retention runs at most this often per process and store (dashboard visits trigger it). */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes one shop's conversations (with their messages and hand-offs) and analytics events older than its
 * retention (`settings.retentionDays`, default 365 days), and the rollup days, inquiry summaries and order views before the cut-off.
 */
export async function applyRetention(services: Pick<Services, 'db'>, shopId: string, now = new Date()) {
  const [shop] = await services.db.select({ settings: shops.settings }).from(shops).where(eq(shops.id, shopId));
  if (!shop) return { conversations: 0, events: 0 };
  const days = shop.settings.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  return services.db.transaction(async (tx) => {
    const gone = await tx
      .delete(conversations)
      .where(and(eq(conversations.shopId, shopId), lt(conversations.lastMessageAt, cutoff)))
      .returning({ id: conversations.id });
    const events = await tx
      .delete(analyticsEvents)
      .where(and(eq(analyticsEvents.shopId, shopId), lt(analyticsEvents.at, cutoff)))
      .returning({ id: analyticsEvents.id });
    await tx.delete(analyticsInquiries).where(and(eq(analyticsInquiries.shopId, shopId), lt(analyticsInquiries.firstAt, cutoff)));
    await tx.delete(analyticsOrderViews).where(and(eq(analyticsOrderViews.shopId, shopId), lt(analyticsOrderViews.firstAt, cutoff)));
    await tx.delete(analyticsDaily).where(and(eq(analyticsDaily.shopId, shopId), lt(analyticsDaily.day, cutoff.toISOString().slice(0, 10))));
    return { conversations: gone.length, events: events.length };
  });
}

/**
 * Runs retention for every shop and prunes old webhook ids, at most once per RETENTION_INTERVAL_MS across
 * instances (shared store lock). Each app process calls it hourly (getServices) and dashboard visits too.
 */
export async function applyRetentionOnSchedule(services: Pick<Services, 'db' | 'store' | 'logger'>, now = new Date()): Promise<boolean> {
  const due = await services.store.setIfAbsent('retention:last-run', now.toISOString(), RETENTION_INTERVAL_MS).catch(() => false);
  if (!due) return false;
  try {
    const all = await services.db.select({ id: shops.id }).from(shops);
    let deleted = 0;
    for (const shop of all) {
      const result = await applyRetention(services, shop.id, now);
      deleted += result.conversations + result.events;
    }
    const dedupeCutoff = new Date(now.getTime() - WEBHOOK_DEDUPE_DAYS * DAY_MS);
    deleted += (
      await services.db.delete(webhookDeliveries).where(lt(webhookDeliveries.receivedAt, dedupeCutoff)).returning({ id: webhookDeliveries.webhookId })
    ).length;
    if (deleted > 0) services.logger.info('retention applied', { shops: all.length, deleted });
  } catch (error) {
    services.logger.warn('retention failed', { error: error instanceof Error ? error.message : String(error) });
  }
  return true;
}
