import type { AnalyticsEvent, EventDoor, EventType } from './analytics-event';

export const SHOP = '00000000-0000-4000-8000-0000000000aa';
export const T0 = Date.parse('2026-11-02T10:00:00Z');
export const HOUR = 60 * 60 * 1000;

export const ev = (
  type: EventType,
  hours: number,
  extra: Partial<Omit<AnalyticsEvent, 'type' | 'at' | 'shopId'>> & { door?: EventDoor } = {},
): AnalyticsEvent => ({ shopId: SHOP, type, at: new Date(T0 + hours * HOUR), door: extra.door ?? 'widget', ...extra });

/**
 * A hand-made week: c1 asks, fails once, verifies, is answered and then hands off (person needed); c2 asks about
 * order 1001, is answered, and order 1001 comes back on day 3 in c3 (recontact within 72 h); p1 is a tracking-page
 * session answered from the cache; c4 only says hello; c5 asks but is locked out.
 */
export function handMadeEvents(): AnalyticsEvent[] {
  return [
    ev('conversation_started', 0, { conversationId: 'c1' }),
    ev('intent_detected', 0.01, { conversationId: 'c1', reason: 'where_is_my_order', value: { wismo: true } }),
    ev('answer_sent', 0.01, { conversationId: 'c1', latencyMs: 100 }),
    ev('verification_attempted', 0.02, { conversationId: 'c1' }),
    ev('verification_failed', 0.02, { conversationId: 'c1', reason: 'email_mismatch' }),
    ev('verification_attempted', 0.03, { conversationId: 'c1' }),
    ev('verification_succeeded', 0.03, { conversationId: 'c1', orderId: '2002' }),
    ev('shopify_call', 0.03, { conversationId: 'c1', reason: 'find_by_name' }),
    ev('order_viewed', 0.03, { conversationId: 'c1', orderId: '2002', statusCategory: 'in_transit', value: { orderAgeMinutes: 4 * 24 * 60 } }),
    ev('answer_sent', 0.03, { conversationId: 'c1', latencyMs: 300 }),
    ev('handoff_requested', 2, { conversationId: 'c1' }),

    ev('conversation_started', 1, { conversationId: 'c2' }),
    ev('intent_detected', 1, { conversationId: 'c2', reason: 'tracking', value: { wismo: true } }),
    ev('verification_attempted', 1, { conversationId: 'c2' }),
    ev('verification_succeeded', 1, { conversationId: 'c2', orderId: '1001' }),
    ev('shopify_call', 1, { conversationId: 'c2', reason: 'find_by_name' }),
    ev('order_viewed', 1, { conversationId: 'c2', orderId: '1001', statusCategory: 'delivered', value: { orderAgeMinutes: 6 * 24 * 60 } }),
    ev('answer_sent', 1, { conversationId: 'c2', latencyMs: 200 }),

    ev('conversation_started', 1 + 60, { conversationId: 'c3' }),
    ev('intent_detected', 1 + 60, { conversationId: 'c3', reason: 'where_is_my_order', value: { wismo: true } }),
    ev('verification_attempted', 1 + 60, { conversationId: 'c3' }),
    ev('verification_succeeded', 1 + 60, { conversationId: 'c3', orderId: '1001' }),
    ev('cache_hit', 1 + 60, { conversationId: 'c3', orderId: '1001' }),
    ev('order_viewed', 1 + 60, { conversationId: 'c3', orderId: '1001', statusCategory: 'delivered', value: { orderAgeMinutes: 8 * 24 * 60 } }),
    ev('answer_sent', 1 + 60, { conversationId: 'c3', latencyMs: 400 }),

    ev('verification_attempted', 5, { conversationId: 's_p1', door: 'page' }),
    ev('verification_succeeded', 5, { conversationId: 's_p1', door: 'page', orderId: '3003' }),
    ev('cache_hit', 5, { conversationId: 's_p1', door: 'page', orderId: '3003' }),
    ev('order_viewed', 5, { conversationId: 's_p1', door: 'page', orderId: '3003', statusCategory: 'confirmed', value: { orderAgeMinutes: 30 } }),

    ev('conversation_started', 7, { conversationId: 'c4' }),
    ev('intent_detected', 7, { conversationId: 'c4', reason: 'greeting', value: { wismo: false } }),
    ev('answer_sent', 7, { conversationId: 'c4', latencyMs: 50 }),

    ev('conversation_started', 30, { conversationId: 'c5', door: 'app_proxy' }),
    ev('intent_detected', 30, { conversationId: 'c5', door: 'app_proxy', reason: 'eta', value: { wismo: true } }),
    ev('verification_attempted', 30, { conversationId: 'c5', door: 'app_proxy' }),
    ev('verification_locked_out', 30, { conversationId: 'c5', door: 'app_proxy', reason: 'locked' }),
    ev('shopify_call', 30, { conversationId: 'c5', door: 'app_proxy', reason: 'get_order' }),
    ev('shopify_throttled', 30, { conversationId: 'c5', door: 'app_proxy', reason: 'throttled' }),
  ];
}
