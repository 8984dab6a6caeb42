import { z } from 'zod';
import { shopperOrderViewSchema } from '@/domain/tracking/shopper-order-view';

/**
 * The chat wire contract shared by the tRPC `chat` router, the streaming route and the widget. Every card is
 * rendered from data (the shopper-safe order view), never from model text, so facts shown are always true.
 */
const MAX_CHAT_TEXT = 4000;
export const CHAT_TEXT_ERROR = 'Please type a message (up to 4,000 characters).';

export const chatDoorSchema = z.enum(['widget', 'app_proxy', 'api']);
export type ChatDoor = z.infer<typeof chatDoorSchema>;

const orderFreshnessSchema = z.object({
  fetchedAt: z.string(),
  stale: z.boolean(),
  note: z.string().nullable(),
});

const orderChoiceSchema = z.object({
  orderId: z.string(),
  orderName: z.string(),
  status: z.string(),
  headline: z.string(),
});

export const chatCardSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('order'), order: shopperOrderViewSchema, freshness: orderFreshnessSchema }),
  z.object({ type: z.literal('order_choices'), orders: z.array(orderChoiceSchema) }),
  z.object({ type: z.literal('handoff'), reference: z.string(), message: z.string() }),
  z.object({ type: z.literal('quick_replies'), options: z.array(z.string()) }),
]);
export type ChatCard = z.infer<typeof chatCardSchema>;
export type OrderFreshness = z.infer<typeof orderFreshnessSchema>;

const chatRoleSchema = z.enum(['shopper', 'agent']);

export const chatMessageSchema = z.object({
  id: z.string(),
  role: chatRoleSchema,
  text: z.string(),
  cards: z.array(chatCardSchema),
  /** ISO 8601. */
  createdAt: z.string(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** Trimmed shopper text, 1..4000 characters; the message is the one the API returns as BAD_REQUEST. */
export const chatTextSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, CHAT_TEXT_ERROR).max(MAX_CHAT_TEXT, CHAT_TEXT_ERROR));
