import { timestamp } from 'drizzle-orm/pg-core';

/** `created_at`, set by the database on insert: the column most tables share. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
