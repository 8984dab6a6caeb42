import { randomBytes } from 'node:crypto';
import { parseEnv, type AppEnv } from '@/env';
import { createServices, type Services } from '@/server/services';

/**
 * Services for an integration test. Embedded defaults (PGlite in memory, in-process store) unless the
 * suite runs against the real servers: TEST_DATABASE_URL (an admin URL; each call gets a fresh database,
 * dropped on close) and TEST_REDIS_URL (each call gets its own key prefix).
 */
export async function createTestServices(overrides: Partial<Record<keyof AppEnv, string>> = {}): Promise<Services> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const redisUrl = process.env.TEST_REDIS_URL;
  const suffix = randomBytes(6).toString('hex');
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};

  if (adminUrl) {
    const { default: postgres } = await import('postgres');
    const admin = postgres(adminUrl, { onnotice: () => {}, max: 1 });
    const name = `osa_test_${suffix}`;
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const cleanup = postgres(adminUrl, { onnotice: () => {}, max: 1 });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  }

  const env = parseEnv({
    NODE_ENV: 'test',
    APP_SECRET: `test-secret-${suffix}-0123456789abcdef0123456789`,
    PGLITE_DIR: 'memory://',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `osa-test-${suffix}:`,
    LOG_LEVEL: 'silent',
    ...overrides,
  });
  const services = await createServices(env);
  return {
    ...services,
    close: async () => {
      await services.close();
      await dropDatabase();
    },
  };
}
