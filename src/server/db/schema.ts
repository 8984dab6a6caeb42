import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Merchant-editable settings; every key optional so old rows stay valid as settings grow. */
export type ShopSettings = {
  brandName?: string;
  brandColor?: string;
  logoUrl?: string;
  supportEmail?: string;
  storefrontDomains?: string[];
  returnPolicy?: string;
  /** How this shop spells order names (`#1001`, `NT-1001`, `1001-EU`), learned from its orders. */
  orderNameFormat?: { prefix: string; suffix: string };
};

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
  settings: jsonb('settings').$type<ShopSettings>().notNull().default(sql`'{}'::jsonb`),
  installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
  uninstalledAt: timestamp('uninstalled_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Last known shopper-safe view of an order: what we serve, with its age, when Shopify cannot answer. */
export const orderSnapshots = pgTable(
  'order_snapshots',
  {
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    orderId: text('order_id').notNull(),
    orderName: text('order_name').notNull(),
    emailHash: text('email_hash'),
    customerId: text('customer_id'),
    test: boolean('test').notNull().default(false),
    view: jsonb('view').notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.shopId, table.orderId] }),
    index('order_snapshots_email_idx').on(table.shopId, table.emailHash),
    index('order_snapshots_name_idx').on(table.shopId, table.orderName),
  ],
);

/**
 * Server-side proof that a shopper verified. The holder is a browser session or a conversation, known
 * here only by the keyed hash of its opaque id (the id itself lives in an httpOnly cookie).
 * kind 'order': subject is the order id; 'email': the keyed email hash; 'customer': the customer id.
 */
export const grants = pgTable(
  'grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    holderHash: text('holder_hash').notNull(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['order', 'email', 'customer'] }).notNull(),
    subject: text('subject').notNull(),
    door: text('door').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('grants_holder_idx').on(table.holderHash, table.shopId),
    index('grants_subject_idx').on(table.shopId, table.kind, table.subject),
  ],
);

/** Every verification attempt and order view. Emails and addresses only as keyed hashes. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    shopId: uuid('shop_id').references(() => shops.id, { onDelete: 'cascade' }),
    door: text('door').notNull(),
    action: text('action').notNull(),
    result: text('result').notNull(),
    reason: text('reason'),
    emailHash: text('email_hash'),
    clientHash: text('client_hash'),
    orderId: text('order_id'),
  },
  (table) => [
    index('audit_events_shop_at_idx').on(table.shopId, table.at),
    index('audit_events_email_idx').on(table.shopId, table.emailHash),
  ],
);

/** Webhook ids already processed: Shopify delivers at least once. */
export const webhookDeliveries = pgTable('webhook_deliveries', {
  webhookId: text('webhook_id').primaryKey(),
  shopDomain: text('shop_domain').notNull(),
  topic: text('topic').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Embedded-default email: messages are stored here instead of sent, and shown at /dev/outbox outside production. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    purpose: text('purpose').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('outbox_messages_to_idx').on(table.to, table.createdAt)],
);
