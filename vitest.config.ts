import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import path from 'node:path';

const roots = ['src', 'demo-shop', 'scripts'];
const integration = roots.map((root) => `${root}/**/*.integration.test.ts`);

/**
 * Two projects, told apart by file name: `*.integration.test.ts` talks to real servers (PGlite or PostgreSQL,
 * Redis, the demo shop, local HTTP servers); every other `*.test.ts` is a unit test and may not open a socket,
 * a server or a database (vitest.unit-setup.ts makes that fail). `npx vitest run` runs both;
 * `--project unit` or `--project integration` runs one.
 */
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname, 'src') } },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default (one fewer worker than cores) runs one file at a time on a 2-core CI machine; most files wait
    // on sockets and PGlite, so two workers there take the suite from 297 s to 206 s (docs/testing.md).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: roots.map((root) => `${root}/**/*.test.ts`),
          exclude: integration,
          setupFiles: ['./vitest.unit-setup.ts'],
        },
      },
      { extends: true, test: { name: 'integration', include: integration, globalSetup: ['./test/support/pglite-seed.ts'] } },
    ],
  },
});
