import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { shops } from './shops';

/** Orders slice: last known order views and what is derived from them when they are written. */

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
    foreignKey({
      name: 'shipment_deliveries_snapshot_fk',
      columns: [table.shopId, table.orderId],
      foreignColumns: [orderSnapshots.shopId, orderSnapshots.orderId],
    }).onDelete('cascade'),
    index('shipment_deliveries_shop_delivered_idx').on(table.shopId, table.deliveredAt),
  ],
);
