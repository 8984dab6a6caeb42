import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { deliveredShipments, orderHealthFacts } from '@/domain/analytics/order-health';
import type { ShopperOrderView } from '@/domain/tracking/shopper-order-view';
import type { Database } from '../db/client';
import { orderSnapshots, shipmentDeliveries } from '../db/schema';

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
  /** Saves the snapshot and, for real orders, its delivered shipments (carrier performance reads those). */
  saveSnapshot(snapshot: OrderSnapshot & { view: ShopperOrderView }): Promise<void>;
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
      const facts = orderHealthFacts(snapshot.view);
      const at = (iso: string | null) => (iso ? new Date(iso) : null);
      const values = {
        ...snapshot,
        view: snapshot.view as object,
        status: facts.status,
        placedAt: at(facts.placedAt),
        unshippedItems: facts.unshippedItemCount,
        failedSince: at(facts.failedSince),
        attemptedSince: at(facts.attemptedSince),
        quietSince: at(facts.quietSince),
      };
      const { shopId, orderId } = snapshot;
      const deliveries = snapshot.test ? [] : deliveredShipments(snapshot.view);
      await db.transaction(async (tx) => {
        await tx
          .insert(orderSnapshots)
          .values(values)
          .onConflictDoUpdate({ target: [orderSnapshots.shopId, orderSnapshots.orderId], set: values });
        const kept = deliveries.map((d) => d.shipmentId);
        const thisOrder = and(eq(shipmentDeliveries.shopId, shopId), eq(shipmentDeliveries.orderId, orderId));
        await tx.delete(shipmentDeliveries).where(kept.length ? and(thisOrder, notInArray(shipmentDeliveries.shipmentId, kept)) : thisOrder);
        if (deliveries.length === 0) return;
        const rows = deliveries.map((d) => ({
          shopId,
          orderId,
          shipmentId: d.shipmentId,
          carrier: d.carrier,
          shippedAt: new Date(d.shippedAt),
          deliveredAt: new Date(d.deliveredAt),
        }));
        await tx
          .insert(shipmentDeliveries)
          .values(rows)
          .onConflictDoUpdate({
            target: [shipmentDeliveries.shopId, shipmentDeliveries.orderId, shipmentDeliveries.shipmentId],
            set: { carrier: sql`excluded.carrier`, shippedAt: sql`excluded.shipped_at`, deliveredAt: sql`excluded.delivered_at` },
          });
      });
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
