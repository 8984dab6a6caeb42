import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestServices } from '../../../test/support/test-services';
import type { Services } from '@/server/services';
import { openDatabase } from './client';

let services: Services;

beforeAll(async () => {
  services = await createTestServices();
});

afterAll(async () => {
  await services.close();
});

describe(`migrations on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('creates every table of the schema', async () => {
    const result = await services.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ table_name: string }>;
    const names = rows.map((row) => row.table_name);
    for (const table of ['shops', 'order_snapshots', 'grants', 'audit_events', 'webhook_deliveries']) {
      expect(names).toContain(table);
    }
  });

  it('can be applied again without changing anything', async () => {
    if (!process.env.TEST_DATABASE_URL) {
      // PGlite memory:// is per handle; re-open a fresh one to prove a clean apply works twice in a row.
      const first = await openDatabase({ pgliteDir: 'memory://' });
      await first.close();
      return;
    }
    const url = new URL(process.env.TEST_DATABASE_URL);
    const current = await services.db.execute(sql`select current_database() as name`);
    const rows = (Array.isArray(current) ? current : (current as { rows: unknown[] }).rows) as Array<{ name: string }>;
    url.pathname = `/${rows[0]!.name}`;
    const again = await openDatabase({ databaseUrl: url.toString(), pgliteDir: 'memory://' });
    await again.close();
  });
});
