import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { is, sql, type SQL } from 'drizzle-orm';
import { createTestServices } from '../../../test/support/test-services';
import type { Services } from '@/server/services';
import { openDatabase, type Database } from './client';
import * as schema from './schema';

let services: Services;

beforeAll(async () => {
  services = await createTestServices();
});

afterAll(async () => {
  await services.close();
});

async function select<T>(db: Database, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** Everything the migrations define in `public` (tables, columns, indexes, constraints, enums) plus the applied-migration journal. */
async function dumpSchema(db: Database) {
  return {
    tables: await select(db, sql`select table_name, table_type from information_schema.tables where table_schema = 'public' order by table_name`),
    columns: await select(
      db,
      sql`select table_name, column_name, ordinal_position, data_type, udt_name, is_nullable, column_default, character_maximum_length,
                 numeric_precision, is_identity, is_generated, generation_expression
          from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
    ),
    indexes: await select(db, sql`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by tablename, indexname`),
    constraints: await select(
      db,
      sql`select c.conrelid::regclass::text as table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) as definition
          from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public' order by 1, 2`,
    ),
    enums: await select(
      db,
      sql`select t.typname, e.enumlabel, e.enumsortorder from pg_type t join pg_enum e on e.enumtypid = t.oid
          join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'public' order by 1, 3`,
    ),
    migrations: await select(db, sql`select hash, created_at from drizzle.__drizzle_migrations order by id`),
  };
}

const schemaTables = (Object.values(schema) as unknown[]).flatMap((value) => (is(value, PgTable) ? [getTableConfig(value)] : []));

describe(`migrations on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('creates every table and column of the Drizzle schema, and nothing else', async () => {
    const { tables, columns } = await dumpSchema(services.db);
    expect(schemaTables.length).toBeGreaterThan(0);
    expect(tables.map((row) => (row as { table_name: string }).table_name)).toEqual(schemaTables.map((table) => table.name).sort());
    for (const table of schemaTables) {
      const stored = columns
        .filter((row) => (row as { table_name: string }).table_name === table.name)
        .map((row) => (row as { column_name: string }).column_name);
      expect(stored.sort(), table.name).toEqual(table.columns.map((column) => column.name).sort());
    }
  });

  it('can be applied again without changing anything', async () => {
    if (process.env.TEST_DATABASE_URL) {
      const before = await dumpSchema(services.db);
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.pathname = `/${(await select<{ name: string }>(services.db, sql`select current_database() as name`))[0]!.name}`;
      const again = await openDatabase({ databaseUrl: url.toString(), pgliteDir: 'memory://' });
      try {
        expect(await dumpSchema(again.db)).toEqual(before);
      } finally {
        await again.close();
      }
      return;
    }
    // A memory:// database lives only as long as its handle: reopen a data folder instead.
    const dir = mkdtempSync(path.join(tmpdir(), 'osa-migrations-'));
    try {
      const first = await openDatabase({ pgliteDir: dir });
      const before = await dumpSchema(first.db);
      await first.close();
      const again = await openDatabase({ pgliteDir: dir });
      const after = await dumpSchema(again.db);
      await again.close();
      expect(after).toEqual(before);
      expect(before).toEqual(await dumpSchema(services.db));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
