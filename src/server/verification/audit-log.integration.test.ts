import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../db/schema';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { createTestServices } from '../../../test/support/test-services';
import { createAuditLog } from './audit-log';

let services: Services;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services?.close());

describe('createAuditLog', () => {
  it('stores every entry and logs lockouts, without the hashes, for alerting', async () => {
    const lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
    const logger: Logger = {
      debug: (message, fields) => lines.push({ level: 'debug', message, fields }),
      info: (message, fields) => lines.push({ level: 'info', message, fields }),
      warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
      error: (message, fields) => lines.push({ level: 'error', message, fields }),
    };
    const audit = createAuditLog(services.db, logger);
    await audit.record({ shopId: null, door: 'audit-test', action: 'verify', result: 'failure', reason: 'no_match', emailHash: 'e1', clientHash: 'c1' });
    await audit.record({ shopId: null, door: 'audit-test', action: 'verify', result: 'locked', reason: 'order', emailHash: 'e2', clientHash: 'c2' });

    expect(await services.db.select({ result: auditEvents.result }).from(auditEvents).where(eq(auditEvents.door, 'audit-test'))).toHaveLength(2);
    expect(lines).toEqual([{ level: 'warn', message: 'verification locked', fields: { shopId: null, door: 'audit-test', action: 'verify', reason: 'order' } }]);
  });
});
