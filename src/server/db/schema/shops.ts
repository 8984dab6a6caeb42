import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ShopSettings } from '@/domain/shops/shop-settings';
import { createdAt } from './columns';

/** Connected shops: the row every other slice's tables hang off (deleting a shop cascades). */

export const shops = pgTable('shops', {
  id: uuid('id').primaryKey().defaultRandom(),
  domain: text('domain').notNull().unique(),
  name: text('name').notNull(),
  apiOrigin: text('api_origin').notNull(),
  accessTokenEncrypted: text('access_token_encrypted').notNull(),
  webhookSecretEncrypted: text('webhook_secret_encrypted'),
  scopes: text('scopes').notNull().default(''),
  timezone: text('timezone').notNull().default('UTC'),
  currency: text('currency'),
  settings: jsonb('settings')
    .$type<ShopSettings>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
  uninstalledAt: timestamp('uninstalled_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
