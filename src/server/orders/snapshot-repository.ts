import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { orderSnapshots } from '../db/schema';

/** The last known view of an order, kept so a Shopify outage still gets an answer with its age. */
export type OrderSnapshot = {
  shopId: string;
  orderId: string;
  orderName: string;
  emailHash: string | null;
  customerId: string | null;
  test: boolean;
  view: unknown;
  fetchedAt: Date;
};

export type SnapshotRepository = {
  saveSnapshot(snapshot: OrderSnapshot): Promise<void>;
  findSnapshot(shopId: string, orderId: string): Promise<OrderSnapshot | null>;
  findSnapshotsByName(shopId: string, orderNames: string[]): Promise<OrderSnapshot[]>;
};

type Row = typeof orderSnapshots.$inferSelect;
const toSnapshot = (row: Row): OrderSnapshot => ({
  shopId: row.shopId,
  orderId: row.orderId,
  orderName: row.orderName,
  emailHash: row.emailHash,
  customerId: row.customerId,
  test: row.test,
  view: row.view,
  fetchedAt: row.fetchedAt,
});

export function createSnapshotRepository(db: Database): SnapshotRepository {
  return {
    async saveSnapshot(snapshot) {
      const values = { ...snapshot, view: snapshot.view as object };
      await db
        .insert(orderSnapshots)
        .values(values)
        .onConflictDoUpdate({ target: [orderSnapshots.shopId, orderSnapshots.orderId], set: values });
    },
    async findSnapshot(shopId, orderId) {
      const rows = await db
        .select()
        .from(orderSnapshots)
        .where(and(eq(orderSnapshots.shopId, shopId), eq(orderSnapshots.orderId, orderId)))
        .limit(1);
      return rows[0] ? toSnapshot(rows[0]) : null;
    },
    async findSnapshotsByName(shopId, orderNames) {
      if (orderNames.length === 0) return [];
      const rows = await db
        .select()
        .from(orderSnapshots)
        .where(and(eq(orderSnapshots.shopId, shopId), inArray(orderSnapshots.orderName, orderNames)))
        .limit(20);
      return rows.map(toSnapshot);
    },
  };
}
