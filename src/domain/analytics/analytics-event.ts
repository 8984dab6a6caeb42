import { z } from 'zod';

export const EVENT_TYPES = [
  'conversation_started',
  'intent_detected',
  'verification_attempted',
  'verification_succeeded',
  'verification_failed',
  'verification_locked_out',
  'order_viewed',
  'answer_sent',
  'handoff_requested',
  /** The widget's greeting led with news about a verified order before the shopper asked (reason: the kind). */
  'proactive_answer',
  'magic_link_sent',
  'magic_link_used',
  'deep_link_opened',
  'shopify_call',
  'cache_hit',
  'shopify_throttled',
  'shopify_failed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_DOORS = ['widget', 'page', 'email_link', 'app_proxy', 'api'] as const;
export type EventDoor = (typeof EVENT_DOORS)[number];

/**
 * One analytics event. Never raw PII: ids (conversation, order), categories, reasons and numbers only. `value`
 * holds small extras such as `{ intent }` or `{ orderAgeMinutes }`.
 */
export const analyticsEventSchema = z.object({
  shopId: z.string().uuid(),
  at: z.date(),
  type: z.enum(EVENT_TYPES),
  door: z.enum(EVENT_DOORS),
  conversationId: z.string().max(100).nullish(),
  orderId: z.string().max(40).nullish(),
  statusCategory: z.string().max(40).nullish(),
  reason: z.string().max(80).nullish(),
  latencyMs: z.number().int().min(0).nullish(),
  value: z.record(z.string(), z.union([z.string().max(80), z.number(), z.boolean()])).nullish(),
});
export type AnalyticsEvent = z.infer<typeof analyticsEventSchema>;
export type NewAnalyticsEvent = Omit<AnalyticsEvent, 'at'> & { at?: Date };

/** Maps any door string the app uses onto the closed set; unknown ones count as `api`. */
export function toEventDoor(door: string): EventDoor {
  return (EVENT_DOORS as readonly string[]).includes(door) ? (door as EventDoor) : 'api';
}

/** Anything that records analytics events; recording never throws and never waits on the database. */
export type EventRecorder = { record(event: NewAnalyticsEvent): void };
