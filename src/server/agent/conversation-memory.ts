import { readConversationState, type ConversationState } from '@/domain/agent/conversation-state';
import type { Services } from '../services';
import type { ConversationRow } from './conversation-repository';

/** A half-given email waits here (never in the database) until the order number arrives. */
const PENDING_EMAIL_TTL_MS = 30 * 60 * 1000;
const pendingEmailKey = (conversationId: string) => `chat:pending-email:${conversationId}`;

/** The engine's memory of a conversation: the row's state plus the pending email from the cache store. */
export async function loadConversationState(services: Services, row: ConversationRow): Promise<ConversationState> {
  const state = readConversationState(row.state);
  const pendingEmail = await services.store.get(pendingEmailKey(row.id)).catch(() => null);
  return { ...state, pendingEmail };
}

/** The part of the state the database keeps (never the pending email) and the pending email. */
export function splitConversationState(state: ConversationState): { stored: ConversationState; pendingEmail: string | null } {
  const { pendingEmail, ...rest } = state;
  return { stored: { ...rest, pendingEmail: null }, pendingEmail: pendingEmail ?? null };
}

/** Keeps (or forgets) the half-given email in the cache store; a store failure only costs the shopper a retype. */
export async function savePendingEmail(services: Services, conversationId: string, pendingEmail: string | null): Promise<void> {
  const key = pendingEmailKey(conversationId);
  await (pendingEmail ? services.store.set(key, pendingEmail, PENDING_EMAIL_TTL_MS) : services.store.delete(key)).catch((error: unknown) =>
    services.logger.warn('chat memory write failed', { error: error instanceof Error ? error.message : String(error) }),
  );
}
