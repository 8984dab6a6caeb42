import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { shops } from './shops';

/** Verification slice: grants that prove a shopper verified, and the audit log of every attempt and view. */

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
  (table) => [index('grants_holder_idx').on(table.holderHash, table.shopId), index('grants_subject_idx').on(table.shopId, table.kind, table.subject)],
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
  (table) => [index('audit_events_shop_at_idx').on(table.shopId, table.at), index('audit_events_email_idx').on(table.shopId, table.emailHash)],
);
