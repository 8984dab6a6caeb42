import type { Database } from '../db/client';
import { auditEvents } from '../db/schema';
import type { Logger } from '../logger';

export type AuditEntry = {
  shopId: string | null;
  door: string;
  action: 'verify' | 'view' | 'deep_link' | 'magic_link';
  result: 'success' | 'failure' | 'locked' | 'unavailable';
  reason?: string | null;
  emailHash?: string | null;
  clientHash?: string | null;
  orderId?: string | null;
};

export type AuditLog = { record(entry: AuditEntry): Promise<void> };

/** Writes audit rows; a failed write is logged and never fails the shopper's request. */
export function createAuditLog(db: Database, logger: Logger): AuditLog {
  return {
    async record(entry) {
      // The one log line an operator alerts on for lockout spikes (docs/operations.md); no email or client hash.
      if (entry.result === 'locked')
        logger.warn('verification locked', { shopId: entry.shopId, door: entry.door, action: entry.action, reason: entry.reason ?? null });
      try {
        await db.insert(auditEvents).values(entry);
      } catch (error) {
        logger.error('audit write failed', { action: entry.action, error: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}
