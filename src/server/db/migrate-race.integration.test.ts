import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { openDatabase } from './client';
import { MIGRATION_LOCK_ID, MigrationsPendingError } from './migrate-database';

// PostgreSQL only: the advisory lock and a second process are what is under test (PGlite allows one process).
const adminUrl = process.env.TEST_DATABASE_URL;
const name = `osa_migrate_race_${randomBytes(5).toString('hex')}`;
const databaseUrl = (() => {
  if (!adminUrl) return '';
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
})();
const journal = readMigrationFiles({ migrationsFolder: 'drizzle' });

/** `npm run db:migrate` as a separate process (what a deploy job or a second operator runs). */
function dbMigrate(args: string[] = []): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts', ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

afterAll(async () => {
  if (!adminUrl) return;
  const admin = postgres(adminUrl, { onnotice: () => {}, max: 1 });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe.skipIf(!adminUrl)('db:migrate on PostgreSQL', () => {
  it('two processes migrating one empty database at the same moment both succeed, and the schema is applied once', async () => {
    const admin = postgres(adminUrl!, { onnotice: () => {}, max: 1 });
    await admin.unsafe(`create database ${name}`);
    await admin.end();

    const pendingCheck = await dbMigrate(['--check']);
    expect(pendingCheck.code, pendingCheck.out).toBe(2);
    expect(pendingCheck.out).toContain(`${journal.length} of ${journal.length} migrations pending`);
    // An instance in production mode refuses to serve a database behind its code instead of migrating it.
    await expect(openDatabase({ databaseUrl, pgliteDir: 'memory://', migrations: 'verify' })).rejects.toBeInstanceOf(MigrationsPendingError);

    // Hold the lock ourselves until both processes are queued on it, then let go: they start from the same point.
    const db = postgres(databaseUrl, { onnotice: () => {}, max: 1 });
    await db`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    const runs = [dbMigrate(), dbMigrate()];
    const deadline = Date.now() + 90_000;
    let waiting = 0;
    while (waiting < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [row] =
        await db`select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = ${MIGRATION_LOCK_ID} and not granted and database = (select oid from pg_database where datname = current_database())`;
      waiting = (row as { n: number }).n;
    }
    expect(waiting).toBe(2);
    await db`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
    const results = await Promise.all(runs);

    expect(
      results.map((result) => result.code),
      results.map((result) => result.out).join('\n'),
    ).toEqual([0, 0]);
    const applied = results.map((result) => /applied (\d+) migration/.exec(result.out)?.[1]).sort();
    expect(applied).toEqual(['0', String(journal.length)]);
    const rows = await db`select hash from drizzle.__drizzle_migrations`;
    expect(rows.map((row) => row.hash as string).sort()).toEqual(journal.map((migration) => migration.hash).sort());
    const tables = await db`select table_name from information_schema.tables where table_schema = 'public'`;
    expect(tables.map((row) => row.table_name as string)).toEqual(expect.arrayContaining(['shops', 'order_snapshots', 'grants', 'audit_events']));
    await db.end();

    const upToDate = await dbMigrate(['--check']);
    expect(upToDate.code, upToDate.out).toBe(0);
    const instance = await openDatabase({ databaseUrl, pgliteDir: 'memory://', migrations: 'verify' });
    await instance.close();
  }, 180_000);
});
