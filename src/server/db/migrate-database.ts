import { mkdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** The advisory lock every migrating process takes first (same number as before this file existed). */
export const MIGRATION_LOCK_ID = 72707001;

export type MigrationStatus = {
  /** Migrations in the folder's journal. */
  total: number;
  /** Of those, not yet applied to this database. */
  pending: number;
};

export type MigrationResult = MigrationStatus & { kind: 'postgres' | 'pglite'; applied: number };

type AnyDatabase = PgDatabase<PgQueryResultHKT, Record<string, never>>;

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Counts the folder's migrations this database has not applied, by drizzle's own rule (a migration is applied
 * when the newest row in `drizzle.__drizzle_migrations` is at least as new as its journal time). Reads only.
 */
export async function readMigrationStatus(db: AnyDatabase, migrationsFolder: string): Promise<MigrationStatus> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const [table] = rowsOf<{ present: boolean }>(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`));
  if (!table?.present) return { total: migrations.length, pending: migrations.length };
  const [last] = rowsOf<{ at: string | number | null }>(await db.execute(sql`select max(created_at) as at from drizzle.__drizzle_migrations`));
  const newest = last?.at === null || last?.at === undefined ? null : Number(last.at);
  const pending = migrations.filter((migration) => newest === null || newest < migration.folderMillis).length;
  return { total: migrations.length, pending };
}

/**
 * Applies pending migrations to PostgreSQL on one dedicated connection that holds a session advisory lock
 * throughout: a pooled connection could take the lock on one socket and migrate or unlock on another. Other
 * migrators (a deploy job, instances starting outside production) wait for the lock, then find nothing pending.
 */
export async function migratePostgres(databaseUrl: string, migrationsFolder: string): Promise<MigrationResult> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  const db = drizzle(client) as unknown as AnyDatabase;
  try {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`);
    const before = await readMigrationStatus(db, migrationsFolder);
    if (before.pending > 0) await migrate(drizzle(client), { migrationsFolder });
    const after = await readMigrationStatus(db, migrationsFolder);
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
    return { kind: 'postgres', applied: before.pending - after.pending, ...after };
  } finally {
    // Ending the session also releases the lock if a migration failed half-way (its transaction rolled back).
    await client.end({ timeout: 5 });
  }
}

/** Reads the status of a PostgreSQL database without taking the lock or changing anything. */
export async function checkPostgres(databaseUrl: string, migrationsFolder: string): Promise<MigrationStatus> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await readMigrationStatus(drizzle(client) as unknown as AnyDatabase, migrationsFolder);
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * Applies (or with `checkOnly` only counts) pending migrations in a PGlite folder. PGlite allows one process per
 * folder, so this must not run while the app has the folder open.
 */
export async function migratePglite(dataDir: string, migrationsFolder: string, checkOnly: boolean): Promise<MigrationResult> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  const db = drizzle(client);
  try {
    const before = await readMigrationStatus(db as unknown as AnyDatabase, migrationsFolder);
    if (checkOnly || before.pending === 0) return { kind: 'pglite', applied: 0, ...before };
    await migrate(db, { migrationsFolder });
    const after = await readMigrationStatus(db as unknown as AnyDatabase, migrationsFolder);
    return { kind: 'pglite', applied: before.pending - after.pending, ...after };
  } finally {
    await client.close();
  }
}

/** Thrown when an instance that must not migrate finds the database behind its code. */
export class MigrationsPendingError extends Error {
  constructor(readonly pending: number) {
    super(`The database is missing ${pending} migration(s) this version needs: run \`npm run db:migrate\` (docs/deploy.md), then retry.`);
    this.name = 'MigrationsPendingError';
  }
}
