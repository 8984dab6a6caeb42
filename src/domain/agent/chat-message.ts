import { z } from 'zod';
import { shopperOrderViewSchema } from '@/domain/tracking/shopper-order-view';

/**
 * The chat wire contract shared by the tRPC `chat` router, the streaming route and the widget. Every card is
 * rendered from data (the shopper-safe order view), never from model text, so facts shown are always true.
 */
export const MAX_CHAT_TEXT = 4000;
export const CHAT_TEXT_ERROR = 'Please type a message (up to 4,000 characters).';

export const chatDoorSchema = z.enum(['widget', 'app_proxy', 'api']);
export type ChatDoor = z.infer<typeof chatDoorSchema>;

export const orderFreshnessSchema = z.object({
  fetchedAt: z.string(),
  stale: z.boolean(),
  note: z.string().nullable(),
});

export const orderChoiceSchema = z.object({
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
export type OrderChoice = z.infer<typeof orderChoiceSchema>;
export type OrderFreshness = z.infer<typeof orderFreshnessSchema>;

export const chatRoleSchema = z.enum(['shopper', 'agent']);
export type ChatRole = z.infer<typeof chatRoleSchema>;

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

export const chatStartInputSchema = z.object({
  shop: z.string().min(1).max(255),
  door: chatDoorSchema.optional(),
  proxyQuery: z.record(z.string(), z.string()).optional(),
});
export type ChatStartInput = z.infer<typeof chatStartInputSchema>;

export const chatSendInputSchema = z.object({
  conversationId: z.string().min(1).max(64),
  text: chatTextSchema,
  /** Optional: when given, a conversation of another shop is NOT_FOUND (the widget of shop B never reads shop A's chat). */
  shop: z.string().min(1).max(255).optional(),
});
export type ChatSendInput = z.infer<typeof chatSendInputSchema>;

export const chatHistoryInputSchema = z.object({ conversationId: z.string().min(1).max(64), shop: z.string().min(1).max(255).optional() });

export const chatStartOutputSchema = z.object({ conversationId: z.string(), messages: z.array(chatMessageSchema) });
export const chatMessagesOutputSchema = z.object({ messages: z.array(chatMessageSchema) });

/** Server-sent events of POST /api/chat/stream, in order: delta*, message, done (or error). */
export const chatStreamEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('delta'), data: z.object({ text: z.string() }) }),
  z.object({ event: z.literal('message'), data: chatMessageSchema }),
  z.object({ event: z.literal('done'), data: z.object({}).passthrough() }),
  z.object({ event: z.literal('error'), data: z.object({ message: z.string() }) }),
]);
export type ChatStreamEvent = z.infer<typeof chatStreamEventSchema>;
