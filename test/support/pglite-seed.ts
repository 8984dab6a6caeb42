import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    /** A migrated PGlite data directory (dumpDataDir tarball) every in-memory test database starts from; '' when the suite runs on PostgreSQL. */
    pgliteSeedFile: string;
  }
}

/**
 * Vitest global setup of the integration project: initdb and the migrations run once per test run, not once per
 * test database (about 4 s of PGlite's start-up each; loading the copy takes about 1.3 s). Each database is still
 * its own, in memory, and openDatabase still applies migrations, so a stale copy cannot hide one.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgliteSeedFile', '');
    return;
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = new PGlite('memory://');
  await migrate(drizzle(client), { migrationsFolder: path.join(process.cwd(), 'drizzle') });
  const dump = await client.dumpDataDir('none');
  await client.close();
  const folder = await mkdtemp(path.join(tmpdir(), 'osa-pglite-seed-'));
  const file = path.join(folder, 'seed.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSeedFile', file);
  return () => rm(folder, { recursive: true, force: true });
}

let seed: Promise<Blob | undefined> | undefined;

/** The migrated copy for this test process (read once), or undefined outside the integration project's run. */
export function readPgliteSeed(): Promise<Blob | undefined> {
  seed ??= (async () => {
    const file = inject('pgliteSeedFile');
    return file ? new Blob([await readFile(file)]) : undefined;
  })();
  return seed;
}
