import { asc } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { shops } from '@/server/db/schema';

/** Shops for public listings: never the token columns. */
export async function listConnectedShops(db: Database) {
  return db.select({ id: shops.id, domain: shops.domain, name: shops.name, uninstalledAt: shops.uninstalledAt }).from(shops).orderBy(asc(shops.name));
}
