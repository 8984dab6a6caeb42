import { and, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { languageName } from '@/domain/i18n/language-name';
import { rangeBounds } from '../../analytics/sql-rows';
import { PROACTIVE_INTENT } from '@/domain/agent/compose-welcome';
import { conversations, messages } from '../../db/schema';
import type { Services } from '../../services';
import type { ShopAccess } from './authorize-shop-access';
import { shopRange, type RangeInput } from './shop-range';

/** The language a conversation is in now (kept in its state; conversations from before languages are English). */
export const conversationLocale = sql<string>`coalesce(${conversations.state}->>'locale', 'en')`;

/**
 * Chats started in the range per language, most first, for the overview (the dashboard itself stays English). Like the
 * conversation list, a widget opening nobody wrote in (and whose greeting answered nothing) is an open, not a chat.
 */
export async function viewConversationLanguages(services: Services, access: ShopAccess, input: RangeInput) {
  const range = shopRange(input, access.shop.timezone);
  const { start, end } = rangeBounds(range);
  const rows = await services.db
    .select({ locale: conversationLocale, conversations: count() })
    .from(conversations)
    .where(
      and(
        eq(conversations.shopId, access.shop.id),
        gte(conversations.createdAt, start),
        lt(conversations.createdAt, end),
        sql`exists (select 1 from ${messages} where ${messages.conversationId} = ${conversations.id} and (${messages.role} = 'shopper' or ${messages.intent} = ${PROACTIVE_INTENT}))`,
      ),
    )
    .groupBy(conversationLocale)
    .orderBy(desc(count()));
  const total = rows.reduce((sum, row) => sum + Number(row.conversations), 0);
  return rows.map((row) => ({
    locale: row.locale,
    language: languageName(row.locale),
    conversations: Number(row.conversations),
    share: total > 0 ? Number(row.conversations) / total : 0,
  }));
}
