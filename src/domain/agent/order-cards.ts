import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { orderViewIn } from '../orders/order-record';
import { describeFreshness } from '../tracking/format-time';
import type { AccessibleOrder } from './agent-deps';
import type { ChatCard } from './chat-message';

/** The order card for a record in the conversation's language: the view as built from Shopify data, plus how fresh it is. */
export function orderCard(order: AccessibleOrder, now: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): ChatCard {
  const { record, stale } = order;
  const freshness = describeFreshness(record.fetchedAt, now, timeZone, locale);
  return {
    type: 'order',
    order: orderViewIn(record, locale),
    freshness: { fetchedAt: record.fetchedAt, stale, note: stale ? translator(locale, 'chat')('staleNote', { freshness }) : null },
  };
}

/** "Which order?" choices, newest first. */
export function orderChoicesCard(orders: readonly AccessibleOrder[], locale: Locale = DEFAULT_LOCALE): ChatCard {
  return {
    type: 'order_choices',
    orders: orders.map(({ record }) => ({
      orderId: record.orderId,
      orderName: record.orderName,
      status: record.view.status,
      headline: translator(locale, 'status')(`headline.${record.view.status}`),
    })),
  };
}

export const quickReplies = (...options: string[]): ChatCard => ({ type: 'quick_replies', options });
