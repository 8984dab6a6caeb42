import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { checkPostgres, migratePostgres, MigrationsPendingError } from './migrate-database';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** `migrationsFolder` defaults to ./drizzle (a test applies an older prefix of it to prove a migration's backfill). */
export type DatabaseConfig = {
  databaseUrl?: string;
  pgliteDir: string;
  migrationsFolder?: string;
  /**
   * PostgreSQL only: `apply` (default) migrates under the advisory lock; `verify` only checks and throws
   * MigrationsPendingError when the database is behind (production instances: `npm run db:migrate` migrates).
   * PGlite always applies: one process owns its folder, so nobody else could.
   */
  migrations?: 'apply' | 'verify';
  /**
   * PGlite only: a data directory to start from (a `dumpDataDir()` tarball) instead of running initdb, which is
   * most of an empty database's start-up. The test suite opens every in-memory database from one migrated copy
   * (test/support/pglite-seed.ts); migrations still run and apply whatever the copy lacks.
   */
  pgliteSeed?: Blob;
};

export type DatabaseHandle = {
  db: Database;
  kind: 'postgres' | 'pglite';
  close: () => Promise<void>;
};

const defaultMigrationsFolder = path.join(process.cwd(), 'drizzle');

/**
 * Opens PostgreSQL when a URL is given, PGlite in a data folder otherwise (`memory://` for tests),
 * and applies the committed migrations before returning (or, with `migrations: 'verify'`, checks that none is
 * pending). Migrations are serialised with an advisory lock so several processes can start against one database.
 */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const migrationsFolder = config.migrationsFolder ?? defaultMigrationsFolder;
  if (config.databaseUrl) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    if (config.migrations === 'verify') {
      const { pending } = await checkPostgres(config.databaseUrl, migrationsFolder);
      if (pending > 0) throw new MigrationsPendingError(pending);
    } else {
      await migratePostgres(config.databaseUrl, migrationsFolder);
    }
    // postgres.js retries a lost server with a backoff that grows to 20 s, and queries wait for the next try:
    // shoppers would hang that long in an outage and after it. Half a second at most fails fast and recovers fast.
    const client = postgres(config.databaseUrl, {
      onnotice: () => {},
      max: 10,
      connect_timeout: 5,
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
    });
    const db = drizzle(client, { schema });
    return { db: db as unknown as Database, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }

  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const dataDir = config.pgliteDir;
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir, config.pgliteSeed ? { loadDataDir: config.pgliteSeed } : {});
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { db: db as unknown as Database, kind: 'pglite', close: () => client.close() };
}
