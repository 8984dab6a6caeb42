import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { grants } from '../db/schema';

export type GrantKind = 'order' | 'email' | 'customer';
export type Grant = { id: string; shopId: string; kind: GrantKind; subject: string; door: string; expiresAt: Date };

export type GrantRepository = {
  createGrant(input: { holderHash: string; shopId: string; kind: GrantKind; subject: string; door: string; expiresAt: Date }): Promise<Grant>;
  /** Unexpired grants of one holder in one shop: a holder never sees another shop's grants. */
  listGrants(holderHash: string, shopId: string, now: Date): Promise<Grant[]>;
  deleteGrantsForSubjects(shopId: string, subjects: string[]): Promise<void>;
};

export function createGrantRepository(db: Database): GrantRepository {
  const columns = { id: grants.id, shopId: grants.shopId, kind: grants.kind, subject: grants.subject, door: grants.door, expiresAt: grants.expiresAt };
  return {
    async createGrant(input) {
      const [row] = await db.insert(grants).values(input).returning(columns);
      return row!;
    },
    async listGrants(holderHash, shopId, now) {
      return db
        .select(columns)
        .from(grants)
        .where(and(eq(grants.holderHash, holderHash), eq(grants.shopId, shopId), gt(grants.expiresAt, now)));
    },
    async deleteGrantsForSubjects(shopId, subjects) {
      if (subjects.length === 0) return;
      await db.delete(grants).where(and(eq(grants.shopId, shopId), inArray(grants.subject, subjects)));
    },
  };
}
