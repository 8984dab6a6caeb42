import { randomBytes } from 'node:crypto';
import { parseEnv, type AppEnv } from '@/env';
import { createServices, type Services } from '@/server/services';
import { readPgliteSeed } from './pglite-seed';

/**
 * Services for an integration test. Embedded defaults (PGlite in memory, in-process store) unless the
 * suite runs against the real servers: TEST_DATABASE_URL (an admin URL; each call gets a fresh database,
 * dropped on close) and TEST_REDIS_URL (each call gets its own key prefix). They trust one proxy hop
 * (TRUSTED_PROXIES=1): the shopper test client plays that proxy, sending each simulated shopper's address as
 * X-Forwarded-For; pass `TRUSTED_PROXIES: ''` to test the default (trust nothing).
 */
export async function createTestServices(overrides: Partial<Record<keyof AppEnv, string>> = {}, options: { sharedWith?: Services } = {}): Promise<Services> {
  if (options.sharedWith) return sharedServices(options.sharedWith, overrides);
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
    TRUSTED_PROXIES: '1',
    ...overrides,
  });
  const services = await createServices(env, { pgliteSeed: databaseUrl ? undefined : await readPgliteSeed() });
  return {
    ...services,
    close: async () => {
      await services.close();
      await dropDatabase();
    },
  };
}

/**
 * A second "instance" over the same PostgreSQL database and Redis prefix as `other` (as two app processes
 * would be); its in-process state (single-flight map, local fallbacks) is its own. Only meaningful against
 * the real servers; the owner of the database drops it.
 */
async function sharedServices(other: Services, overrides: Partial<Record<keyof AppEnv, string>>): Promise<Services> {
  const env = parseEnv({
    NODE_ENV: 'test',
    APP_SECRET: other.env.APP_SECRET,
    PGLITE_DIR: 'memory://',
    DATABASE_URL: other.env.DATABASE_URL,
    REDIS_URL: other.env.REDIS_URL,
    REDIS_PREFIX: other.env.REDIS_PREFIX,
    LOG_LEVEL: 'silent',
    TRUSTED_PROXIES: '1',
    ...overrides,
  });
  const services = await createServices(env);
  // The Redis client does not queue commands while connecting; a fresh instance must not start "down".
  const store = services.store as { ready?: () => Promise<void> };
  await store.ready?.();
  return services;
}
