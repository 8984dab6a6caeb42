import type { AnalyticsEvent, EventType } from './analytics-event';

export const RESOLUTION_WINDOW_MS = 72 * 60 * 60 * 1000;

/** Each count is a number of inquiries (a chat conversation, or one browser session on the page and link doors). */
export type WismoFunnel = {
  questions: number;
  lookupsAttempted: number;
  verified: number;
  answered: number;
  noPersonNeeded: number;
  askedAgain: number;
  /** Answered, no person within 72 h, and not asked again within 72 h. */
  resolved: number;
};

export const FUNNEL_HELP: Record<keyof WismoFunnel, { label: string; help: string }> = {
  questions: { label: 'Order-status questions', help: 'Conversations or tracking-page visits that asked about an order: a chat message about where an order is, its tracking, delivery date or contents, or any order lookup, deep link or magic link.' },
  lookupsAttempted: { label: 'Lookups attempted', help: 'Of those, the ones where the shopper gave an order number and email, or opened a signed deep link or magic link.' },
  verified: { label: 'Verified', help: 'Of those, the ones where the shopper proved the order was theirs (number and email matched, or a valid signed link).' },
  answered: { label: 'Answered', help: 'Of those, the ones where we showed the order status.' },
  noPersonNeeded: { label: 'No person needed (72 h)', help: 'Answered, and nobody asked for a person in that conversation within 72 hours of the first answer.' },
  askedAgain: { label: 'Asked again (72 h)', help: 'Answered, but the same order was asked about again in another conversation or visit within 72 hours: the answer did not settle it.' },
  resolved: { label: 'Resolved without a person', help: 'Answered, no person needed and not asked again within 72 hours.' },
};

const QUESTION: ReadonlySet<EventType> = new Set(['verification_attempted', 'deep_link_opened', 'magic_link_used', 'order_viewed']);
const LOOKUP: ReadonlySet<EventType> = new Set(['verification_attempted', 'deep_link_opened', 'magic_link_used']);
const VERIFIED: ReadonlySet<EventType> = new Set(['verification_succeeded', 'deep_link_opened', 'magic_link_used']);
/** Events that mean "someone asked about this order" for the recontact rule. */
const ASKED_ABOUT_ORDER: ReadonlySet<EventType> = new Set(['order_viewed', 'verification_succeeded', 'deep_link_opened']);

export const isWismoQuestion = (event: AnalyticsEvent): boolean =>
  QUESTION.has(event.type) || (event.type === 'intent_detected' && event.value?.wismo === true);

/**
 * The WISMO funnel over one set of events (see FUNNEL_HELP for each step's definition). Events without an
 * inquiry id (conversationId) do not count. Each step is a subset of the one before, except `askedAgain`,
 * which is a subset of `answered`.
 */
export function computeWismoFunnel(events: readonly AnalyticsEvent[]): WismoFunnel {
  const byInquiry = new Map<string, AnalyticsEvent[]>();
  for (const event of events) {
    if (!event.conversationId) continue;
    const list = byInquiry.get(event.conversationId) ?? [];
    list.push(event);
    byInquiry.set(event.conversationId, list);
  }
  const askedAbout = events.filter((e) => e.conversationId && e.orderId && ASKED_ABOUT_ORDER.has(e.type));
  const funnel: WismoFunnel = { questions: 0, lookupsAttempted: 0, verified: 0, answered: 0, noPersonNeeded: 0, askedAgain: 0, resolved: 0 };
  for (const [inquiry, list] of byInquiry) {
    if (!list.some(isWismoQuestion)) continue;
    funnel.questions += 1;
    if (!list.some((e) => LOOKUP.has(e.type))) continue;
    funnel.lookupsAttempted += 1;
    if (!list.some((e) => VERIFIED.has(e.type))) continue;
    funnel.verified += 1;
    const views = list.filter((e) => e.type === 'order_viewed');
    if (views.length === 0) continue;
    funnel.answered += 1;
    const firstAnswer = Math.min(...views.map((e) => e.at.getTime()));
    const until = firstAnswer + RESOLUTION_WINDOW_MS;
    const person = list.some((e) => e.type === 'handoff_requested' && e.at.getTime() <= until);
    const orders = new Set(views.map((e) => e.orderId).filter(Boolean));
    const again = askedAbout.some(
      (e) => e.conversationId !== inquiry && orders.has(e.orderId) && e.at.getTime() > firstAnswer && e.at.getTime() <= until,
    );
    if (!person) funnel.noPersonNeeded += 1;
    if (again) funnel.askedAgain += 1;
    if (!person && !again) funnel.resolved += 1;
  }
  return funnel;
}
