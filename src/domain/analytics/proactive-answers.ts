import type { AnalyticsEvent } from './analytics-event';

/** Intents that are not a question: a "thanks" after a proactive answer still means it answered before asked. */
export const NOT_A_QUESTION = ['thanks', 'greeting'] as const;

/** The proactive step of the funnel: a branch of its own, beside the questions shoppers asked. */
export type ProactiveAnswers = {
  /** Conversations whose greeting led with news about a verified order (proactive_answer in the range). */
  proactiveAnswers: number;
  /** Of those, the ones where the shopper then asked nothing (no message other than thanks or a greeting). */
  answeredBeforeAsked: number;
};

export const PROACTIVE_HELP: Record<keyof ProactiveAnswers, { label: string; help: string }> = {
  proactiveAnswers: {
    label: 'Proactive answers',
    help: 'Chats where a returning, verified shopper opened the widget and the greeting led with their order news (delivered, out for delivery, failed attempt, no scan for days, ready for pickup).',
  },
  answeredBeforeAsked: {
    label: 'Answered before asked',
    help: 'Of those, the chats where the shopper then asked nothing: the greeting was the answer.',
  },
};

/** The proactive funnel step over a shop's events (the proactive_answer events are those of the range). Pure. */
export function countProactiveAnswers(events: readonly AnalyticsEvent[]): ProactiveAnswers {
  const proactive = new Set(events.filter((e) => e.type === 'proactive_answer' && e.conversationId).map((e) => e.conversationId!));
  const asked = new Set(
    events
      .filter((e) => e.type === 'intent_detected' && e.conversationId && !(NOT_A_QUESTION as readonly string[]).includes(e.reason ?? ''))
      .map((e) => e.conversationId!),
  );
  return { proactiveAnswers: proactive.size, answeredBeforeAsked: [...proactive].filter((id) => !asked.has(id)).length };
}
