import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

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
