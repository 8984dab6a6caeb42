import { describeFreshness } from '../tracking/format-time';
import type { AccessibleOrder } from './agent-deps';
import type { ChatCard } from './chat-message';

/** The order card for a record: the view as built from Shopify data, plus how fresh it is. */
export function orderCard(order: AccessibleOrder, now: Date, timeZone: string): ChatCard {
  const { record, stale } = order;
  return {
    type: 'order',
    order: record.view,
    freshness: {
      fetchedAt: record.fetchedAt,
      stale,
      note: stale ? `Shopify is not answering right now; this is what we knew ${describeFreshness(record.fetchedAt, now, timeZone)}.` : null,
    },
  };
}

/** "Which order?" choices, newest first. */
export function orderChoicesCard(orders: readonly AccessibleOrder[]): ChatCard {
  return {
    type: 'order_choices',
    orders: orders.map(({ record }) => ({
      orderId: record.orderId,
      orderName: record.orderName,
      status: record.view.status,
      headline: record.view.headline,
    })),
  };
}

export const quickReplies = (...options: string[]): ChatCard => ({ type: 'quick_replies', options });
