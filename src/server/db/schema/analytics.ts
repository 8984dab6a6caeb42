import { sql } from 'drizzle-orm';
import { bigserial, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { shops } from './shops';

/** Merchant dashboard (issue 6): analytics events and the summaries and daily rollups written with them. */

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
    index('analytics_events_answer_latency_idx')
      .on(table.shopId, table.at, table.latencyMs)
      .where(sql`type = 'answer_sent'`),
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
  (table) => [
    primaryKey({ columns: [table.shopId, table.orderId, table.inquiryId] }),
    index('analytics_order_views_shop_first_at_idx').on(table.shopId, table.firstAt),
  ],
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
