import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Webhook ids already processed: Shopify delivers at least once. */
export const webhookDeliveries = pgTable('webhook_deliveries', {
  webhookId: text('webhook_id').primaryKey(),
  shopDomain: text('shop_domain').notNull(),
  topic: text('topic').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
