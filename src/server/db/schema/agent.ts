import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { shops } from './shops';

/** Chat agent (issue 4): conversations, their messages, hand-offs to a person. */

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
    status: text('status', { enum: ['open', 'handed_off', 'closed'] })
      .notNull()
      .default('open'),
    state: jsonb('state')
      .notNull()
      .default(sql`'{}'::jsonb`),
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
    cards: jsonb('cards')
      .notNull()
      .default(sql`'[]'::jsonb`),
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
