import type { AnalyticsEvent, EventDoor, EventType } from './analytics-event';

export const RESOLUTION_WINDOW_MS = 72 * 60 * 60 * 1000;

const QUESTION: ReadonlySet<EventType> = new Set(['verification_attempted', 'deep_link_opened', 'magic_link_used', 'order_viewed']);
const LOOKUP: ReadonlySet<EventType> = new Set(['verification_attempted', 'deep_link_opened', 'magic_link_used']);
const VERIFIED: ReadonlySet<EventType> = new Set(['verification_succeeded', 'deep_link_opened', 'magic_link_used']);
/** Events that mean "someone asked about this order" for the recontact rule. */
export const ASKED_ABOUT_ORDER: ReadonlySet<EventType> = new Set(['order_viewed', 'verification_succeeded', 'deep_link_opened']);

export const isWismoQuestion = (event: AnalyticsEvent): boolean =>
  QUESTION.has(event.type) || (event.type === 'intent_detected' && event.value?.wismo === true);

/**
 * One inquiry (a chat conversation, or one browser session on the page and link doors) reduced to what the
 * funnel, volume and share metrics need. An inquiry belongs to the day and door of its first event.
 */
export type InquirySummary = {
  inquiryId: string;
  firstAt: Date;
  door: EventDoor;
  /** A chat conversation (it has a `conversation_started` event). */
  started: boolean;
  question: boolean;
  lookup: boolean;
  verified: boolean;
  /** First time we showed an order's status in this inquiry. */
  firstAnswerAt: Date | null;
  /** A hand-off was requested before or within 72 h of the first answer (false when never answered). */
  personNeeded: boolean;
  /** Another inquiry asked about an order shown here within 72 h after the first answer. */
  askedAgain: boolean;
};

/**
 * Summaries of every inquiry in `events` (all of a shop's events: the recontact rule looks across inquiries and
 * past any date range). Events without an inquiry id do not count.
 */
export function summarizeInquiries(events: readonly AnalyticsEvent[]): InquirySummary[] {
  const byInquiry = new Map<string, AnalyticsEvent[]>();
  const asksByOrder = new Map<string, AnalyticsEvent[]>();
  for (const event of events) {
    if (!event.conversationId) continue;
    byInquiry.set(event.conversationId, [...(byInquiry.get(event.conversationId) ?? []), event]);
    if (event.orderId && ASKED_ABOUT_ORDER.has(event.type)) asksByOrder.set(event.orderId, [...(asksByOrder.get(event.orderId) ?? []), event]);
  }
  return [...byInquiry].map(([inquiryId, list]) => {
    const first = list.reduce((a, b) => (b.at < a.at || (b.at.getTime() === a.at.getTime() && b.door < a.door) ? b : a));
    const views = list.filter((e) => e.type === 'order_viewed');
    const firstAnswer = views.length ? Math.min(...views.map((e) => e.at.getTime())) : null;
    const until = firstAnswer === null ? null : firstAnswer + RESOLUTION_WINDOW_MS;
    const shown = new Set(views.flatMap((e) => (e.orderId ? [e.orderId] : [])));
    return {
      inquiryId,
      firstAt: first.at,
      door: first.door,
      started: list.some((e) => e.type === 'conversation_started'),
      question: list.some(isWismoQuestion),
      lookup: list.some((e) => LOOKUP.has(e.type)),
      verified: list.some((e) => VERIFIED.has(e.type)),
      firstAnswerAt: firstAnswer === null ? null : new Date(firstAnswer),
      personNeeded: until !== null && list.some((e) => e.type === 'handoff_requested' && e.at.getTime() <= until),
      askedAgain:
        firstAnswer !== null &&
        [...shown].some((orderId) =>
          (asksByOrder.get(orderId) ?? []).some((e) => e.conversationId !== inquiryId && e.at.getTime() > firstAnswer && e.at.getTime() <= until!),
        ),
    };
  });
}

/** The summaries (inquiries, order views) whose first event falls in [start, end): a range's own. */
export const startedIn = <T extends { firstAt: Date }>(summaries: readonly T[], start: Date, end: Date): T[] =>
  summaries.filter((s) => s.firstAt >= start && s.firstAt < end);
