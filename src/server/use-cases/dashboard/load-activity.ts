import { knownTimeZone } from '@/domain/analytics/shop-days';
import { and, asc, count, desc, eq, gte, lt, not, sql } from 'drizzle-orm';
import { PROACTIVE_INTENT } from '@/domain/agent/compose-welcome';
import type { Shop } from '@/domain/shops/shop';
import { rangeBounds, type DayRange } from '../../analytics/sql-rows';

import { auditEvents, conversations, handoffs, messages } from '../../db/schema';
import { languageName } from '@/domain/i18n/language-name';
import { conversationLocale } from './load-conversation-languages';
import type { Services } from '../../services';

const LIST_LIMIT = 200;
/** Keyed hashes are shown shortened: enough to spot the same shopper twice, nothing to reverse. */
const shortHash = (hash: string | null) => (hash ? hash.slice(0, 12) : null);

/**
 * A widget opening where nobody wrote and the greeting answered nothing: an open, not a conversation. A
 * proactive greeting (it led with order news) is an answer, so its conversation counts.
 */
const greetingOnly = sql`(count(${messages.id}) <= 1 and not coalesce(bool_or(${messages.intent} = ${PROACTIVE_INTENT}), false))`;

/** The shop's conversations in the range, newest first, with message count, hand-off and language; greeting-only openings are left out. */
export async function listConversations(services: Services, shop: Shop, range: DayRange) {
  const { start, end } = rangeBounds(range);
  const rows = await services.db
    .select({
      id: conversations.id,
      door: conversations.door,
      status: conversations.status,
      createdAt: conversations.createdAt,
      lastMessageAt: conversations.lastMessageAt,
      locale: conversationLocale,
      messages: count(messages.id),
    })
    .from(conversations)
    .leftJoin(messages, eq(messages.conversationId, conversations.id))
    .where(and(eq(conversations.shopId, shop.id), gte(conversations.createdAt, start), lt(conversations.createdAt, end)))
    .groupBy(conversations.id)
    .having(not(greetingOnly))
    .orderBy(desc(conversations.createdAt))
    .limit(LIST_LIMIT);
  return rows.map((row) => ({ ...row, language: languageName(row.locale), messages: Number(row.messages) }));
}

/** How many widget openings in the range were greeting-only (left out of the conversation list). */
export async function countGreetingOnlyOpens(services: Services, shop: Shop, range: DayRange): Promise<number> {
  const { start, end } = rangeBounds(range);
  const opened = services.db
    .select({ id: conversations.id })
    .from(conversations)
    .leftJoin(messages, eq(messages.conversationId, conversations.id))
    .where(and(eq(conversations.shopId, shop.id), gte(conversations.createdAt, start), lt(conversations.createdAt, end)))
    .groupBy(conversations.id)
    .having(greetingOnly)
    .as('opened');
  const [row] = await services.db.select({ opens: count() }).from(opened);
  return Number(row?.opens ?? 0);
}

/** One conversation of this shop with its messages (shopper emails were masked when stored), or null. */
export async function loadTranscript(services: Services, shop: Shop, conversationId: string) {
  const [conversation] = await services.db
    .select({ id: conversations.id, door: conversations.door, status: conversations.status, createdAt: conversations.createdAt, locale: conversationLocale })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.shopId, shop.id)));
  if (!conversation) return null;
  const repository = services.conversations;
  const [list, handoffRows] = await Promise.all([
    repository.listMessages(conversation.id),
    services.db
      .select({ reason: handoffs.reason, createdAt: handoffs.createdAt })
      .from(handoffs)
      .where(eq(handoffs.conversationId, conversation.id))
      .orderBy(asc(handoffs.createdAt)),
  ]);
  return {
    conversation: { ...conversation, language: languageName(conversation.locale) },
    messages: list,
    handoffs: handoffRows,
    timeZone: knownTimeZone(shop.timezone),
  };
}

/** Audit rows of the shop in the range, newest first: hashes (shortened) only, never an email or address. */
export async function listAuditLog(services: Services, shop: Shop, range: DayRange) {
  const { start, end } = rangeBounds(range);
  const rows = await services.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.shopId, shop.id), gte(auditEvents.at, start), lt(auditEvents.at, end)))
    .orderBy(desc(auditEvents.at))
    .limit(LIST_LIMIT);
  return rows.map((row) => ({
    at: row.at,
    door: row.door,
    action: row.action,
    result: row.result,
    reason: row.reason,
    emailHash: shortHash(row.emailHash),
    clientHash: shortHash(row.clientHash),
    orderId: row.orderId,
  }));
}
