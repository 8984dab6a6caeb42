/**
 * `npm run db:migrate`: applies the committed migrations in ./drizzle to DATABASE_URL (PostgreSQL, under an
 * advisory lock, so concurrent runs are safe) or, without it, to the PGlite folder (PGLITE_DIR / DATA_DIR).
 *   --check             apply nothing; exit 2 when migrations are pending (deploy gate, readiness probe)
 *   --migrations DIR    the migrations folder (default ./drizzle)
 * Exit codes: 0 up to date (or migrated), 1 error, 2 pending (--check only). One line on stdout says what happened.
 * The standalone bundle carries this script compiled (`node db-migrate.mjs`, scripts/assemble-standalone.sh).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getEnv } from '@/env';
import { checkPostgres, migratePglite, migratePostgres, type MigrationResult } from '@/server/db/migrate-database';

async function runDbMigrate(argv: string[], out: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { check: { type: 'boolean', default: false }, migrations: { type: 'string', default: 'drizzle' } },
    strict: true,
    allowPositionals: false,
  });
  const folder = path.resolve(values.migrations);
  const env = getEnv();
  let result: MigrationResult;
  if (env.DATABASE_URL) {
    result = values.check
      ? { kind: 'postgres', applied: 0, ...(await checkPostgres(env.DATABASE_URL, folder)) }
      : await migratePostgres(env.DATABASE_URL, folder);
  } else {
    result = await migratePglite(env.PGLITE_DIR ?? path.join(env.DATA_DIR, 'pglite'), folder, values.check);
  }
  const where = result.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  if (values.check) {
    out(
      result.pending > 0
        ? `db:migrate: ${result.pending} of ${result.total} migrations pending on ${where}`
        : `db:migrate: ${where} is up to date (${result.total} migrations)`,
    );
    return result.pending > 0 ? 2 : 0;
  }
  out(`db:migrate: applied ${result.applied} migration(s) on ${where}; ${result.total - result.pending} of ${result.total} applied`);
  return result.pending > 0 ? 1 : 0;
}

// Same settings as `next dev`, which reads these files itself; existing variables win.
for (const file of ['.env.local', '.env']) if (existsSync(file)) process.loadEnvFile(file);
const code = await runDbMigrate(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
  process.stderr.write(`db:migrate: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
process.exit(code);
