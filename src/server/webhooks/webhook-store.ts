import { and, count, eq, inArray, max, min, or, sql, type SQL } from 'drizzle-orm';
import { normalizeEmail } from '@/domain/verification/normalize-email';
import type { Database } from '../db/client';
import { auditEvents, conversations, grants, orderSnapshots, shops, users, webhookDeliveries } from '../db/schema';
import { customerIdVariants, orderIdVariants, type ShopperSubject, type WebhookDeps } from '@/domain/webhooks/webhook-deps';

const anyOf = (conditions: (SQL | undefined)[]) => {
  const present = conditions.filter((c): c is SQL => c !== undefined);
  // No identifying field means no rows: never fall through to an unfiltered delete.
  return present.length > 0 ? or(...present) : undefined;
};

const orderIdsOf = (ids: string[]) => [...new Set(ids.flatMap(orderIdVariants))];

/** Which snapshot rows are this shopper's: by order id, email hash or customer id, within one shop. */
function snapshotFilter(shopId: string, subject: ShopperSubject) {
  const match = anyOf([
    subject.orderIds.length > 0 ? inArray(orderSnapshots.orderId, orderIdsOf(subject.orderIds)) : undefined,
    subject.emailHash ? eq(orderSnapshots.emailHash, subject.emailHash) : undefined,
    subject.customerId ? inArray(orderSnapshots.customerId, customerIdVariants(subject.customerId)) : undefined,
  ]);
  return match ? and(eq(orderSnapshots.shopId, shopId), match) : undefined;
}

function grantFilter(shopId: string, subject: ShopperSubject, orderIds: string[]) {
  const match = anyOf([
    orderIds.length > 0 ? and(eq(grants.kind, 'order'), inArray(grants.subject, orderIdsOf(orderIds))) : undefined,
    subject.emailHash ? and(eq(grants.kind, 'email'), eq(grants.subject, subject.emailHash)) : undefined,
    subject.customerId ? and(eq(grants.kind, 'customer'), inArray(grants.subject, customerIdVariants(subject.customerId))) : undefined,
  ]);
  return match ? and(eq(grants.shopId, shopId), match) : undefined;
}

function auditFilter(shopId: string, subject: ShopperSubject, orderIds: string[]) {
  const match = anyOf([
    subject.emailHash ? eq(auditEvents.emailHash, subject.emailHash) : undefined,
    orderIds.length > 0 ? inArray(auditEvents.orderId, orderIdsOf(orderIds)) : undefined,
  ]);
  return match ? and(eq(auditEvents.shopId, shopId), match) : undefined;
}

/** The webhook slice's tables over Drizzle (PGlite or PostgreSQL). */
export function createWebhookStore(db: Database): Pick<WebhookDeps, 'deliveries' | 'privacy'> & {
  deleteShop(shopId: string): Promise<boolean>;
  deleteSignInAccount(email: string): Promise<number>;
} {
  const shopperOrders = async (executor: Database, shopId: string, subject: ShopperSubject) => {
    const where = snapshotFilter(shopId, subject);
    if (!where) return [];
    return executor
      .select({ orderId: orderSnapshots.orderId, orderName: orderSnapshots.orderName, view: orderSnapshots.view, fetchedAt: orderSnapshots.fetchedAt })
      .from(orderSnapshots)
      .where(where);
  };

  return {
    deliveries: {
      async claim(delivery) {
        const rows = await db.insert(webhookDeliveries).values(delivery).onConflictDoNothing().returning({ id: webhookDeliveries.webhookId });
        return rows.length > 0;
      },
      async release(webhookId) {
        await db.delete(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId));
      },
    },
    privacy: {
      async findOrderNames(shopId, orderIds) {
        if (orderIds.length === 0) return [];
        const rows = await db
          .select({ name: orderSnapshots.orderName })
          .from(orderSnapshots)
          .where(and(eq(orderSnapshots.shopId, shopId), inArray(orderSnapshots.orderId, orderIdsOf(orderIds))));
        return rows.map((r) => r.name);
      },
      async deleteShopGrants(shopId) {
        const rows = await db.delete(grants).where(eq(grants.shopId, shopId)).returning({ id: grants.id });
        return rows.length;
      },
      async redactShopper(shopId, subject) {
        return db.transaction(async (tx) => {
          const executor = tx as unknown as Database;
          const orders = (await shopperOrders(executor, shopId, subject)).map(({ orderId, orderName }) => ({ orderId, orderName }));
          const snapshotWhere = snapshotFilter(shopId, subject);
          const snapshots = snapshotWhere ? (await tx.delete(orderSnapshots).where(snapshotWhere).returning({ id: orderSnapshots.orderId })).length : 0;
          const orderIds = [...subject.orderIds, ...orders.map((o) => o.orderId)];
          const grantWhere = grantFilter(shopId, subject, orderIds);
          // Conversations know the shopper only through the grants their browser session holds, so they
          // are found (and erased, messages and hand-offs cascading) before those grants go.
          const holders = grantWhere
            ? [...new Set((await tx.select({ holderHash: grants.holderHash }).from(grants).where(grantWhere)).map((row) => row.holderHash))]
            : [];
          const conversationCount =
            holders.length > 0
              ? (
                  await tx
                    .delete(conversations)
                    .where(and(eq(conversations.shopId, shopId), inArray(conversations.holderHash, holders)))
                    .returning({ id: conversations.id })
                ).length
              : 0;
          const grantCount = grantWhere ? (await tx.delete(grants).where(grantWhere).returning({ id: grants.id })).length : 0;
          // Audit rows are anonymised, not deleted: the shop keeps its attempt counts and outcomes, nothing links them to the shopper.
          const auditWhere = auditFilter(shopId, subject, orderIds);
          const audit = auditWhere
            ? (await tx.update(auditEvents).set({ emailHash: null, clientHash: null, orderId: null }).where(auditWhere).returning({ id: auditEvents.id }))
                .length
            : 0;
          return { counts: { snapshots, auditEventsAnonymised: audit, grants: grantCount, conversations: conversationCount }, orders };
        });
      },
      async collectShopperData(shopId, subject) {
        const snapshots = await shopperOrders(db, shopId, subject);
        const orderIds = [...subject.orderIds, ...snapshots.map((o) => o.orderId)];
        const auditWhere = auditFilter(shopId, subject, orderIds);
        const grantWhere = grantFilter(shopId, subject, orderIds);
        const [audit] = auditWhere
          ? await db
              .select({ count: count(), first: min(auditEvents.at), last: max(auditEvents.at) })
              .from(auditEvents)
              .where(auditWhere)
          : [];
        const held = grantWhere
          ? await db.select({ kind: grants.kind, door: grants.door, createdAt: grants.createdAt, expiresAt: grants.expiresAt }).from(grants).where(grantWhere)
          : [];
        return {
          orders: snapshots.map((s) => ({ orderId: s.orderId, orderName: s.orderName, fetchedAt: s.fetchedAt.toISOString(), view: s.view })),
          auditEvents: { count: audit?.count ?? 0, first: toIso(audit?.first), last: toIso(audit?.last) },
          grants: held.map((g) => ({ kind: g.kind, door: g.door, createdAt: g.createdAt.toISOString(), expiresAt: g.expiresAt.toISOString() })),
        };
      },
    },
    // Auth.js keeps one account per (lower-cased) email across shops; its sessions cascade with it.
    async deleteSignInAccount(email) {
      const normalized = normalizeEmail(email);
      if (!normalized.ok) return 0;
      return (
        await db
          .delete(users)
          .where(eq(sql`lower(${users.email})`, normalized.email))
          .returning({ id: users.id })
      ).length;
    },
    async deleteShop(shopId) {
      const rows = await db.delete(shops).where(eq(shops.id, shopId)).returning({ id: shops.id });
      return rows.length > 0;
    },
  };
}

function toIso(value: Date | string | null | undefined): string | null {
  if (value == null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
