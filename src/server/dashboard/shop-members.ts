import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { shopMembers, shops } from '../db/schema';

export type MemberRole = 'owner' | 'member';
export type Membership = { shopId: string; domain: string; name: string; role: MemberRole };

/** Emails are compared lower-cased and trimmed: the address Auth.js signs in is the one invited. */
export const memberEmail = (email: string) => email.trim().toLowerCase();

/** Shop membership rows: who may open which shop's dashboard. */
export function createShopMemberRepository(db: Database) {
  return {
    /** Adds a member; an existing row keeps its role unless this makes them owner. */
    async addMember(input: { shopId: string; email: string; role: MemberRole; invitedBy?: string | null }): Promise<void> {
      const values = { shopId: input.shopId, email: memberEmail(input.email), role: input.role, invitedBy: input.invitedBy ?? null };
      if (input.role === 'owner') {
        await db
          .insert(shopMembers)
          .values(values)
          .onConflictDoUpdate({ target: [shopMembers.shopId, shopMembers.email], set: { role: 'owner' } });
      } else {
        await db.insert(shopMembers).values(values).onConflictDoNothing();
      }
    },
    async removeMember(shopId: string, email: string): Promise<void> {
      await db.delete(shopMembers).where(and(eq(shopMembers.shopId, shopId), eq(shopMembers.email, memberEmail(email))));
    },
    /** The installed shops this email belongs to (uninstalled shops drop out). */
    async listShopsFor(email: string): Promise<Membership[]> {
      return db
        .select({ shopId: shops.id, domain: shops.domain, name: shops.name, role: shopMembers.role })
        .from(shopMembers)
        .innerJoin(shops, eq(shops.id, shopMembers.shopId))
        .where(and(eq(shopMembers.email, memberEmail(email)), isNull(shops.uninstalledAt)))
        .orderBy(asc(shops.name));
    },
    /** This email's membership in the shop with this domain, or null (unknown shop and no membership look the same). */
    async findMembership(email: string, domain: string): Promise<Membership | null> {
      const [row] = await db
        .select({ shopId: shops.id, domain: shops.domain, name: shops.name, role: shopMembers.role })
        .from(shopMembers)
        .innerJoin(shops, eq(shops.id, shopMembers.shopId))
        .where(and(eq(shopMembers.email, memberEmail(email)), eq(shops.domain, domain), isNull(shops.uninstalledAt)));
      return row ?? null;
    },
    async listMembers(shopId: string) {
      return db
        .select({ email: shopMembers.email, role: shopMembers.role, invitedBy: shopMembers.invitedBy, createdAt: shopMembers.createdAt })
        .from(shopMembers)
        .where(eq(shopMembers.shopId, shopId))
        .orderBy(asc(shopMembers.createdAt));
    },
  };
}
export type ShopMemberRepository = ReturnType<typeof createShopMemberRepository>;
