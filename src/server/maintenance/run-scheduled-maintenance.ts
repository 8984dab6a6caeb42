import { applyRetentionOnSchedule } from '../analytics/apply-retention';
import type { Services } from '../services';

export type MaintenanceReport = { analyticsFlushed: true; retention: 'ran' | 'not_due' };

/**
 * What a long-running process does on timers, for a platform that runs code only per request (a cron calls
 * /api/cron/maintenance): writes the analytics events this instance still buffers, then applies data retention
 * to every shop if no instance has in the last hour (the shared store's lock, as with the hourly timer).
 */
export async function runScheduledMaintenance(services: Pick<Services, 'analytics' | 'db' | 'store' | 'logger'>, now = new Date()): Promise<MaintenanceReport> {
  await services.analytics.flush();
  const ran = await applyRetentionOnSchedule(services, now);
  return { analyticsFlushed: true, retention: ran ? 'ran' : 'not_due' };
}
