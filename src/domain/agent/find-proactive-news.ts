import type { AccessibleOrder } from './agent-deps';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { chatPhrases } from './chat-phrases';
import { orderViewIn } from '../orders/order-record';

export const PROACTIVE_KINDS = ['attempt_failed', 'delivery_problem', 'no_scan', 'out_for_delivery', 'ready_for_pickup', 'delivered'] as const;
export type ProactiveKind = (typeof PROACTIVE_KINDS)[number];

/** What the greeting leads with: one sentence about one order the holder may see. */
export type ProactiveNews = { order: AccessibleOrder; kind: ProactiveKind; text: string };

const DAY_MS = 24 * 60 * 60 * 1000;

function newsFor(order: AccessibleOrder, seenStatus: string | undefined, now: Date, locale: Locale): ProactiveNews | null {
  const CHAT_PHRASES = chatPhrases(locale);
  const view = orderViewIn(order.record, locale);
  const name = view.orderName;
  const news = (kind: ProactiveKind, text: string): ProactiveNews => ({ order, kind, text });
  if (view.status === 'attempted_delivery') return news('attempt_failed', CHAT_PHRASES.proactiveAttemptFailed(name));
  if (view.status === 'delivery_problem') return news('delivery_problem', CHAT_PHRASES.proactiveDeliveryProblem(name));
  const quiet = view.shipments.find((s) => s.status !== 'delivered' && s.delayReason === 'no_recent_scan' && s.latestEvent);
  if (quiet?.latestEvent) {
    const days = Math.floor((now.getTime() - new Date(quiet.latestEvent.at).getTime()) / DAY_MS);
    if (days >= 1) return news('no_scan', CHAT_PHRASES.proactiveNoScan(name, days));
  }
  if (view.status === 'out_for_delivery') return news('out_for_delivery', CHAT_PHRASES.proactiveOutForDelivery(name));
  if (view.status === 'ready_for_pickup') return news('ready_for_pickup', CHAT_PHRASES.proactiveReadyForPickup(name));
  // "Delivered" is news only to someone who saw the order before it was.
  if (view.status === 'delivered' && seenStatus !== undefined && seenStatus !== 'delivered') {
    const deliveredAt = view.shipments.map((s) => s.deliveredAt).find((moment) => moment !== null);
    return news('delivered', CHAT_PHRASES.proactiveDelivered(name, deliveredAt ? deliveredAt.display : null));
  }
  return null;
}

/**
 * The most pressing news among the orders the holder's grants reach (the caller passes only those): a failed
 * delivery attempt or problem first, then no carrier scan for days, out for delivery, ready for pickup, and a
 * delivery that happened since the holder last saw the order, in `locale`. Null when nothing is worth leading with. Pure.
 */
export function findProactiveNews(
  orders: readonly AccessibleOrder[],
  seenStatuses: Readonly<Record<string, string>>,
  now: Date,
  locale: Locale = DEFAULT_LOCALE,
): ProactiveNews | null {
  let best: ProactiveNews | null = null;
  for (const order of orders) {
    const news = newsFor(order, seenStatuses[order.record.orderId], now, locale);
    if (news && (!best || PROACTIVE_KINDS.indexOf(news.kind) < PROACTIVE_KINDS.indexOf(best.kind))) best = news;
  }
  return best;
}
