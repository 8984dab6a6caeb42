import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { chatCardSchema, type ChatCard, type ChatMessage } from '@/domain/agent/chat-message';
import type { Shop } from '@/domain/shops/shop';
import type { Database } from '../db/client';
import { conversations, handoffs, messages, shops } from '../db/schema';
import { shopColumns } from '../shops/shop-repository';

export type ConversationRow = typeof conversations.$inferSelect;
export type NewChatMessage = { role: 'shopper' | 'agent'; text: string; cards: ChatCard[]; intent?: string | null; latencyMs?: number | null };

const storedCards = z.array(chatCardSchema).catch([]);

const toChatMessage = (row: typeof messages.$inferSelect): ChatMessage => ({
  id: row.id,
  role: row.role,
  text: row.text,
  cards: storedCards.parse(row.cards),
  createdAt: row.createdAt.toISOString(),
});

/** A message as a `messages` row (`createdAt` left to the database's default unless given). */
const messageRow = (conversationId: string, message: NewChatMessage, createdAt?: SQL) => ({
  conversationId,
  role: message.role,
  text: message.text,
  cards: message.cards,
  intent: message.intent ?? null,
  latencyMs: message.latencyMs ?? null,
  ...(createdAt ? { createdAt } : {}),
});

/** Conversations, their messages and hand-offs. A conversation is only ever found with its shop and holder. */
export function createConversationRepository(db: Database) {
  return {
    /**
     * Creates the conversation and its first (agent) message in one statement: a conversation is never left
     * without its greeting. `id` is chosen by the caller so the greeting can be composed first.
     */
    async startConversation(
      input: { id: string; shopId: string; holderHash: string; door: string; customerFirstName: string | null; state: unknown },
      greeting: NewChatMessage,
    ): Promise<ChatMessage> {
      const created = db.$with('created', { id: sql<string>`id` }).as(db.insert(conversations).values(input).returning({ id: conversations.id }).getSQL());
      const [row] = await db.with(created).insert(messages).values(messageRow(input.id, greeting)).returning();
      return toChatMessage(row!);
    },
    /** null for an unknown id, another shop's or another browser's conversation alike. */
    async findConversation(id: string, shopId: string, holderHash: string): Promise<ConversationRow | null> {
      if (!z.uuid().safeParse(id).success) return null;
      const [row] = await db
        .select()
        .from(conversations)
        .where(and(eq(conversations.id, id), eq(conversations.shopId, shopId), eq(conversations.holderHash, holderHash)))
        .limit(1);
      return row ?? null;
    },
    /** The conversation with its shop, in one round trip (every chat turn starts here). */
    async findConversationWithShop(id: string, holderHash: string): Promise<{ conversation: ConversationRow; shop: Shop } | null> {
      if (!z.uuid().safeParse(id).success) return null;
      const [row] = await db
        .select({ conversation: conversations, shop: shopColumns })
        .from(conversations)
        .innerJoin(shops, eq(shops.id, conversations.shopId))
        .where(and(eq(conversations.id, id), eq(conversations.holderHash, holderHash)))
        .limit(1);
      return row ?? null;
    },
    /**
     * Stores a turn in one statement: the conversation's new state, the shopper's message and the reply land
     * together or not at all, so a database that fails mid-turn leaves no question without its answer.
     * Returns the stored reply.
     */
    async recordTurn(conversationId: string, state: unknown, shopper: NewChatMessage, reply: NewChatMessage): Promise<ChatMessage> {
      const updated = db.$with('updated', { id: sql<string>`id` }).as(
        db
          .update(conversations)
          .set({ state, lastMessageAt: sql`now()` })
          .where(eq(conversations.id, conversationId))
          .returning({ id: conversations.id })
          .getSQL(),
      );
      // One statement has one now(); the reply is a microsecond later so the two stay in order.
      const rows = await db
        .with(updated)
        .insert(messages)
        .values([messageRow(conversationId, shopper, sql`now()`), messageRow(conversationId, reply, sql`now() + interval '1 microsecond'`)])
        .returning();
      return toChatMessage(rows.find((stored) => stored.role === reply.role)!);
    },
    /** The state of this holder's latest conversation in this shop (what it was last shown), or null. */
    async findLatestState(shopId: string, holderHash: string): Promise<unknown> {
      const [row] = await db
        .select({ state: conversations.state })
        .from(conversations)
        .where(and(eq(conversations.shopId, shopId), eq(conversations.holderHash, holderHash)))
        .orderBy(desc(conversations.createdAt))
        .limit(1);
      return row?.state ?? null;
    },
    async listMessages(conversationId: string): Promise<ChatMessage[]> {
      const rows = await db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.createdAt), asc(messages.id));
      return rows.map(toChatMessage);
    },
    async setStatus(conversationId: string, status: 'open' | 'handed_off' | 'closed'): Promise<void> {
      await db.update(conversations).set({ status }).where(eq(conversations.id, conversationId));
    },
    async createHandoff(input: { conversationId: string; shopId: string; reason: string; emailedTo: string | null }): Promise<{ id: string }> {
      const [row] = await db.insert(handoffs).values(input).returning({ id: handoffs.id });
      return row!;
    },
    async listHandoffs(conversationId: string) {
      return db.select().from(handoffs).where(eq(handoffs.conversationId, conversationId));
    },
  };
}

export type ConversationRepository = ReturnType<typeof createConversationRepository>;
