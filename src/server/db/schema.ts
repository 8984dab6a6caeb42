import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
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
  /** Bumped to rotate the shop's deep-link secret (links signed with the old one stop working). Default 1. */
  deepLinkSecretVersion?: number;
  /** Days conversations and analytics events are kept (issue 6; default DEFAULT_RETENTION_DAYS). */
  retentionDays?: number;
  /** Staff who open the app from Shopify admin and are not members yet: 'members' (default) adds them, 'owner_only' refuses them (issue 12). */
  embeddedStaffAccess?: 'members' | 'owner_only';
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
    // OrderHealthFacts of the view (src/domain/analytics/order-health.ts), for the problem-orders table.
    status: text('status'),
    placedAt: timestamp('placed_at', { withTimezone: true }),
    unshippedItems: integer('unshipped_items'),
    failedSince: timestamp('failed_since', { withTimezone: true }),
    attemptedSince: timestamp('attempted_since', { withTimezone: true }),
    quietSince: timestamp('quiet_since', { withTimezone: true }),
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

// ---- Chat agent (issue 4): conversations, their messages, hand-offs to a person -------------------------------

/**
 * One chat between a shopper's browser session (holderHash: keyed hash of the `osa_session` cookie) and one
 * shop. `state` is the engine's partial understanding (order reference, last order, pending intent); it never
 * holds a raw email (a half-given email waits in the cache store for 30 minutes instead).
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    holderHash: text('holder_hash').notNull(),
    door: text('door').notNull(),
    customerFirstName: text('customer_first_name'),
    status: text('status', { enum: ['open', 'handed_off', 'closed'] }).notNull().default('open'),
    state: jsonb('state').notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('conversations_shop_idx').on(table.shopId, table.lastMessageAt), index('conversations_holder_idx').on(table.holderHash)],
);

/** Shopper text is stored with emails masked (`j***@example.com`); agent text and cards are ours. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['shopper', 'agent'] }).notNull(),
    text: text('text').notNull(),
    cards: jsonb('cards').notNull().default(sql`'[]'::jsonb`),
    intent: text('intent'),
    latencyMs: integer('latency_ms'),
    createdAt: createdAt(),
  },
  (table) => [index('messages_conversation_idx').on(table.conversationId, table.createdAt)],
);

/** A shopper asked for a person: the shop's support address got the transcript (emailedTo null: no address known). */
export const handoffs = pgTable(
  'handoffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
    emailedTo: text('emailed_to'),
  },
  (table) => [index('handoffs_shop_idx').on(table.shopId, table.createdAt)],
);

// ---- Auth.js (issue 5): magic-link sign-in, tables in the shape @auth/drizzle-adapter expects --------------------

/** Someone who signed in by magic link: a shopper (order history) today, merchant staff later. */
export const users = pgTable('users', {
  id: text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text('name'),
  email: text('email').unique(),
  emailVerified: timestamp('email_verified', { mode: 'date', withTimezone: true }),
  image: text('image'),
});

export const accounts = pgTable(
  'accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').$type<'email' | 'oauth' | 'oidc' | 'webauthn'>().notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (table) => [primaryKey({ columns: [table.provider, table.providerAccountId] })],
);

export const sessions = pgTable(
  'sessions',
  {
    sessionToken: text('session_token').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expires: timestamp('expires', { mode: 'date', withTimezone: true }).notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

/** Magic-link tokens, stored only as SHA-256(token + secret) (Auth.js hashes them); single use, 1 hour. */
export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { mode: 'date', withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.identifier, table.token] })],
);

/**
 * Delivered shipments of the snapshots above (written with each snapshot, gone with it): carrier performance
 * reads this instead of unpacking every snapshot's JSON.
 */
export const shipmentDeliveries = pgTable(
  'shipment_deliveries',
  {
    shopId: uuid('shop_id').notNull(),
    orderId: text('order_id').notNull(),
    shipmentId: text('shipment_id').notNull(),
    carrier: text('carrier').notNull(),
    shippedAt: timestamp('shipped_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.shopId, table.orderId, table.shipmentId] }),
    foreignKey({ name: 'shipment_deliveries_snapshot_fk', columns: [table.shopId, table.orderId], foreignColumns: [orderSnapshots.shopId, orderSnapshots.orderId] }).onDelete('cascade'),
    index('shipment_deliveries_shop_delivered_idx').on(table.shopId, table.deliveredAt),
  ],
);

// ---- Merchant dashboard (issue 6): analytics events, daily rollups, shop members -----------------------------------

/**
 * One step of a shopper's question (no raw PII: ids, categories and numbers only). `conversationId` groups the
 * steps of one inquiry: the chat conversation id, or for the page and link doors a keyed hash of the session.
 */
export const analyticsEvents = pgTable(
  'analytics_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    type: text('type').notNull(),
    door: text('door').notNull(),
    conversationId: text('conversation_id'),
    orderId: text('order_id'),
    statusCategory: text('status_category'),
    reason: text('reason'),
    latencyMs: integer('latency_ms'),
    value: jsonb('value'),
  },
  (table) => [
    index('analytics_events_shop_at_idx').on(table.shopId, table.at),
    index('analytics_events_shop_type_at_idx').on(table.shopId, table.type, table.at),
    index('analytics_events_shop_order_at_idx').on(table.shopId, table.orderId, table.at),
    index('analytics_events_shop_inquiry_idx').on(table.shopId, table.conversationId),
    // Answer-time percentiles read only latencies: an index-only scan where the table is vacuumed.
    index('analytics_events_answer_latency_idx').on(table.shopId, table.at, table.latencyMs).where(sql`type = 'answer_sent'`),
  ],
);

/**
 * One row per inquiry, recomputed from its events each time events of it (or asks about an order it was shown)
 * are written: what the funnel, volume and share read, so they cost the same whatever the number of events.
 * Equal by construction to summarizeInquiries (src/domain/analytics/inquiry-summary.ts).
 */
export const analyticsInquiries = pgTable(
  'analytics_inquiries',
  {
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    inquiryId: text('inquiry_id').notNull(),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
    door: text('door').notNull(),
    started: boolean('started').notNull(),
    question: boolean('question').notNull(),
    lookup: boolean('lookup').notNull(),
    verified: boolean('verified').notNull(),
    firstAnswerAt: timestamp('first_answer_at', { withTimezone: true }),
    personNeeded: boolean('person_needed').notNull(),
    askedAgain: boolean('asked_again').notNull(),
  },
  (table) => [primaryKey({ columns: [table.shopId, table.inquiryId] }), index('analytics_inquiries_shop_first_at_idx').on(table.shopId, table.firstAt)],
);

/**
 * One row per (order, inquiry) that was shown the order, folded from its `order_viewed` events as they are
 * written (order-independent merges): what status categories, order age, repeat orders and problem-order
 * question counts read. Equal by construction to summarizeOrderViews (src/domain/analytics/order-views.ts).
 */
export const analyticsOrderViews = pgTable(
  'analytics_order_views',
  {
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    orderId: text('order_id').notNull(),
    inquiryId: text('inquiry_id').notNull(),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
    minAgeMinutes: doublePrecision('min_age_minutes'),
    categories: text('categories').array().notNull(),
  },
  (table) => [primaryKey({ columns: [table.shopId, table.orderId, table.inquiryId] }), index('analytics_order_views_shop_first_at_idx').on(table.shopId, table.firstAt)],
);

/** Event counts per shop, shop-local day and dimension, kept up to date by the event recorder (dashboard counts read this). */
export const analyticsDaily = pgTable(
  'analytics_daily',
  {
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    type: text('type').notNull(),
    door: text('door').notNull(),
    statusCategory: text('status_category').notNull().default(''),
    reason: text('reason').notNull().default(''),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.shopId, table.day, table.type, table.door, table.statusCategory, table.reason] })],
);

/** Who may see a shop's dashboard: the installer is its owner; owners invite members by email. */
export const shopMembers = pgTable(
  'shop_members',
  {
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ['owner', 'member'] }).notNull(),
    invitedBy: text('invited_by'),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.shopId, table.email] }), index('shop_members_email_idx').on(table.email)],
);
