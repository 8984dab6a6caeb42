import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent } from './analytics-event';
import { countProactiveAnswers } from './proactive-answers';

const at = new Date('2025-03-10T12:00:00Z');
const e = (conversationId: string, type: AnalyticsEvent['type'], reason: string | null = null): AnalyticsEvent => ({
  shopId: 's',
  type,
  door: 'widget',
  conversationId,
  reason,
  at,
});

describe('countProactiveAnswers', () => {
  it('counts proactive greetings, and those followed by no question (thanks and hello are not questions)', () => {
    const events = [
      e('a', 'conversation_started'),
      e('a', 'proactive_answer', 'out_for_delivery'),
      e('b', 'proactive_answer', 'delivered'),
      e('b', 'intent_detected', 'thanks'),
      e('c', 'proactive_answer', 'no_scan'),
      e('c', 'intent_detected', 'eta'),
      e('d', 'conversation_started'),
      e('d', 'intent_detected', 'where_is_my_order'),
    ];
    expect(countProactiveAnswers(events)).toEqual({ proactiveAnswers: 3, answeredBeforeAsked: 2 });
    expect(countProactiveAnswers([])).toEqual({ proactiveAnswers: 0, answeredBeforeAsked: 0 });
  });
});
