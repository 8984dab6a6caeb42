import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { shops } from './shops';

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
