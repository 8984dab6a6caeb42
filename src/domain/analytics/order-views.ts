import type { AnalyticsEvent } from './analytics-event';

/**
 * One order shown in one inquiry (every `order_viewed` of that pair folded together): what the "what shoppers
 * asked about" metrics and the problem-order question counts read. `inquiryId` is '' for views outside any
 * inquiry. A pair belongs to the range of its first view.
 */
export type OrderView = {
  orderId: string;
  inquiryId: string;
  firstAt: Date;
  lastAt: Date;
  /** The order's age when first shown in this inquiry, in minutes, when known. */
  minAgeMinutes: number | null;
  /** Every status category the order was shown with in this inquiry, sorted. */
  categories: string[];
};

export function summarizeOrderViews(events: readonly AnalyticsEvent[]): OrderView[] {
  const pairs = new Map<string, OrderView>();
  for (const event of events) {
    if (event.type !== 'order_viewed' || !event.orderId) continue;
    const inquiryId = event.conversationId ?? '';
    const key = `${event.orderId}|${inquiryId}`;
    const age = typeof event.value?.orderAgeMinutes === 'number' ? event.value.orderAgeMinutes : null;
    const pair = pairs.get(key) ?? { orderId: event.orderId, inquiryId, firstAt: event.at, lastAt: event.at, minAgeMinutes: null, categories: [] };
    if (event.at < pair.firstAt) pair.firstAt = event.at;
    if (event.at > pair.lastAt) pair.lastAt = event.at;
    if (age !== null) pair.minAgeMinutes = pair.minAgeMinutes === null ? age : Math.min(pair.minAgeMinutes, age);
    if (event.statusCategory && !pair.categories.includes(event.statusCategory)) pair.categories = [...pair.categories, event.statusCategory].sort();
    pairs.set(key, pair);
  }
  return [...pairs.values()];
}
