import { z } from 'zod';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from '../i18n/locales';
import { INTENTS } from './detect-intent';

/**
 * What the agent remembers between turns. Stored as JSON on the conversation row, except `pendingEmail`,
 * which the server keeps only in the short-lived cache store (never a raw email in the database).
 */
export const conversationStateSchema = z.object({
  /** The order reference as the shopper typed it, waiting for its email. */
  pendingReference: z.string().max(64).nullable().default(null),
  pendingEmail: z.string().max(320).nullable().default(null),
  /** The question to answer once verification succeeds ("when will it arrive?" asked before the number). */
  pendingIntent: z.enum(INTENTS).nullable().default(null),
  /** The order the conversation is about; the grant, not this field, decides access. */
  activeOrderId: z.string().max(32).nullable().default(null),
  /** Set once the conversation was passed to a person, so a second ask does not mail the team twice. */
  handoffReference: z.string().max(32).nullable().default(null),
  /** The language the agent answers in: chosen at start, switched when the shopper clearly writes in another one. */
  locale: z.enum(SUPPORTED_LOCALES).catch(DEFAULT_LOCALE).default(DEFAULT_LOCALE),
  /** A hand-off for a shopper without a verified order is collecting its reply address, then the question. */
  handoffStep: z.enum(['email', 'question']).nullable().default(null),
  /** The order card shown last and what it said, so a follow-up repeats the card only when something changed. */
  shownCard: z
    .object({ orderId: z.string().max(32), fingerprint: z.string().max(400) })
    .nullable()
    .default(null),
  /** Status of each order as last shown to this holder: the next visit's greeting says what changed since. */
  seenStatuses: z.record(z.string().max(32), z.string().max(32)).default({}),
});

export type ConversationState = z.infer<typeof conversationStateSchema>;

export const EMPTY_STATE: ConversationState = conversationStateSchema.parse({});

/** Reads stored state leniently: anything unreadable starts the conversation's memory afresh. */
export function readConversationState(raw: unknown): ConversationState {
  const parsed = conversationStateSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : { ...EMPTY_STATE };
}
