import { defineConfig } from 'vitest/config';
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
      { extends: true, test: { name: 'integration', include: integration } },
    ],
  },
});
