import path from 'node:path';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { getEnv, type AppEnv } from '@/env';
import { applyRetentionOnSchedule, RETENTION_INTERVAL_MS } from './analytics/apply-retention';
import { openDatabase, type Database } from './db/client';
import { openStore } from './cache/open-store';
import type { KeyValueStore } from './cache/key-value-store';
import { createSafeCache, type SafeCache } from './cache/safe-cache';
import { createLogger, describeError, type Logger } from './logger';
import { deriveKey, randomToken, type KeyPurpose } from './crypto/secrets';
import { createShopRepository, type ShopRepository } from './shops/shop-repository';
import { createShopifyAdminClient, type ShopifyAdminClient } from './shopify/admin-client';
import { createGrantRepository, type GrantRepository } from './verification/grant-repository';
import { createAuditLog, type AuditLog } from './verification/audit-log';
import { createSnapshotRepository, type SnapshotRepository } from './orders/snapshot-repository';
import { createOutboxMailer, createResendMailer, type Mailer } from './mail/mailer';
import { createAnalytics, type AnalyticsService } from './analytics/event-recorder';
import { createConversationRepository, type ConversationRepository } from './agent/conversation-repository';
import { createShopMemberRepository, type ShopMemberRepository } from './dashboard/shop-members';
import { parseClientAddressPolicy } from './http/client-address';
import { createClientAddressReader, type ClientAddressReader } from './http/client-address-reader';

/** Everything a request handler may need, built once per process from the environment. */
export type Services = {
  env: AppEnv;
  logger: Logger;
  db: Database;
  dbKind: 'postgres' | 'pglite';
  store: KeyValueStore;
  cache: SafeCache;
  shops: ShopRepository;
  shopify: ShopifyAdminClient;
  grants: GrantRepository;
  audit: AuditLog;
  snapshots: SnapshotRepository;
  conversations: ConversationRepository;
  members: ShopMemberRepository;
  mailer: Mailer;
  /** Analytics events for the merchant dashboard (buffered; recording never fails a request). */
  analytics: AnalyticsService;
  /** The one reader of client addresses (TRUSTED_PROXIES / CLIENT_ADDRESS_HEADER), for every door. */
  clientAddresses: ClientAddressReader;
  key: (purpose: KeyPurpose) => Buffer;
  close: () => Promise<void>;
};

/**
 * On embedded defaults a random secret is generated once and kept in the data folder, so encrypted
 * tokens survive restarts; production refuses to start without APP_SECRET (see env.ts).
 */
function resolveAppSecret(env: AppEnv): string {
  if (env.APP_SECRET) return env.APP_SECRET;
  const file = path.join(env.DATA_DIR, 'dev-app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(env.DATA_DIR, { recursive: true });
  const secret = randomToken(48);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** `pgliteSeed`: see DatabaseConfig (tests only; the app always starts PGlite from its own folder). */
export async function createServices(env: AppEnv, options: { pgliteSeed?: Blob } = {}): Promise<Services> {
  const logger = createLogger(env.LOG_LEVEL);
  const appSecret = resolveAppSecret(env);
  const keys = new Map<KeyPurpose, Buffer>();
  const key = (purpose: KeyPurpose) => {
    let derived = keys.get(purpose);
    if (!derived) keys.set(purpose, (derived = deriveKey(appSecret, purpose)));
    return derived;
  };
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    pgliteDir: env.PGLITE_DIR ?? path.join(env.DATA_DIR, 'pglite'),
    // Production PostgreSQL is migrated once per deploy by `npm run db:migrate`; instances only check (docs/deploy.md).
    migrations: env.NODE_ENV === 'production' ? 'verify' : 'apply',
    pgliteSeed: options.pgliteSeed,
  });
  const store = openStore(env.REDIS_URL, env.REDIS_PREFIX);
  const cache = createSafeCache(store, logger);
  const analytics = createAnalytics(database.db, logger);
  const clientAddressPolicy = parseClientAddressPolicy({ trustedProxies: env.TRUSTED_PROXIES, header: env.CLIENT_ADDRESS_HEADER });
  if (!clientAddressPolicy.ok) throw new Error(clientAddressPolicy.message); // env.ts already refuses this
  return {
    env,
    logger,
    db: database.db,
    dbKind: database.kind,
    store,
    cache,
    shops: createShopRepository(database.db, key('token-encryption')),
    grants: createGrantRepository(database.db),
    audit: createAuditLog(database.db, logger),
    snapshots: createSnapshotRepository(database.db),
    conversations: createConversationRepository(database.db),
    members: createShopMemberRepository(database.db),
    mailer: env.RESEND_API_KEY
      ? createResendMailer({ apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL, from: env.EMAIL_FROM })
      : createOutboxMailer(database.db),
    shopify: createShopifyAdminClient({
      store,
      logger,
      apiVersion: env.SHOPIFY_API_VERSION,
      timeoutMs: env.SHOPIFY_REQUEST_TIMEOUT_MS,
    }),
    key,
    analytics,
    clientAddresses: createClientAddressReader(clientAddressPolicy.policy, { production: env.NODE_ENV === 'production' }),
    close: async () => {
      await analytics.close();
      await store.close();
      await database.close();
    },
  };
}

const globalForServices = globalThis as unknown as { __services?: Promise<Services> };

let processLogger: Logger | undefined;

/** The process-wide logger at LOG_LEVEL, for routes that must log even when the services cannot start. */
export function getLogger(): Logger {
  processLogger ??= createLogger(getEnv().LOG_LEVEL);
  return processLogger;
}

/** The process-wide services (kept on globalThis so dev hot reloads do not open a second database). */
export function getServices(): Promise<Services> {
  globalForServices.__services ??= createServices(getEnv()).then(
    (services) => {
      setInterval(() => void applyRetentionOnSchedule(services), RETENTION_INTERVAL_MS).unref();
      return services;
    },
    (error: unknown) => {
      globalForServices.__services = undefined;
      // Health probes swallow this error; without the line an instance stuck on a pending migration or an
      // unreachable database at start would say nothing. The next request tries again.
      getLogger().error('services unavailable', describeError(error));
      throw error;
    },
  );
  return globalForServices.__services;
}
