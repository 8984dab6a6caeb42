import { TRPCError } from '@trpc/server';
import { CHAT_TEXT_ERROR, chatTextSchema, type ChatMessage } from '@/domain/agent/chat-message';
import type { AgentTurn } from '@/domain/agent/agent-turn';
import { ORDER_QUESTIONS } from '@/domain/agent/detect-intent';
import { toEventDoor } from '@/domain/analytics/analytics-event';
import { redactEmails } from '@/domain/agent/extract-details';
import { runDeterministicTurn } from '@/domain/agent/run-deterministic-turn';
import { runModelTurn } from '@/domain/agent/run-model-turn';
import type { Shop } from '@/domain/shops/shop';
import type { Door } from '@/domain/verification/verify-order';
import { normalizeShopDomain } from '@/domain/shops/shop-domain';
import type { RequestContext } from '../api/trpc';
import { shopperHolder } from '../api/shopper-session';
import { buildAgentDeps } from './build-agent-deps';
import { createConversationRepository, type ConversationRow } from './conversation-repository';
import { loadConversationState, savePendingEmail, splitConversationState } from './conversation-memory';
import { modelBackendFor } from './model-backend';

export const MESSAGES_PER_MINUTE = 30;
const NOT_FOUND_MESSAGE = 'This conversation was not found.';

/**
 * The conversation of this browser session, or NOT_FOUND: unknown id, another browser's and (when `shop` is
 * given) another shop's conversation are indistinguishable.
 */
export async function findOwnConversation(ctx: RequestContext, conversationId: string, shopInput?: string): Promise<{ conversation: ConversationRow; shop: Shop }> {
  const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND_MESSAGE });
  const holderHash = shopperHolder(ctx, { create: false });
  if (!holderHash) throw notFound();
  const found = await createConversationRepository(ctx.services.db).findConversationWithShop(conversationId, holderHash);
  if (!found || found.shop.uninstalledAt) throw notFound();
  const { conversation, shop } = found;
  if (shopInput !== undefined && normalizeShopDomain(shopInput) !== shop.domain) throw notFound();
  return { conversation, shop };
}

async function checkRate(ctx: RequestContext, conversationId: string): Promise<void> {
  const window = Math.floor(Date.now() / 60_000);
  const count = await ctx.services.store.increment(`chat:rate:${conversationId}:${window}`, 60_000).catch(() => 0);
  if (count > MESSAGES_PER_MINUTE) {
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'You are sending messages very fast. Please wait a minute and try again.' });
  }
}

/**
 * One shopper message → the agent's reply, stored with both sides. The model answers when configured,
 * the deterministic engine otherwise and whenever the model fails. `onDelta` receives reply text as it is written.
 */
export async function sendChat(
  ctx: RequestContext,
  input: { conversationId: string; text: string; shop?: string },
  onDelta?: (text: string) => void,
): Promise<{ messages: ChatMessage[] }> {
  const text = chatTextSchema.safeParse(input.text);
  if (!text.success) throw new TRPCError({ code: 'BAD_REQUEST', message: CHAT_TEXT_ERROR });
  const { services } = ctx;
  const { conversation, shop } = await findOwnConversation(ctx, input.conversationId, input.shop);
  await checkRate(ctx, conversation.id);
  const repository = createConversationRepository(services.db);
  const backend = modelBackendFor(services);
  // Only the model reads earlier turns; the engine's memory is the conversation state.
  const history = backend ? await repository.listMessages(conversation.id) : [];

  const startedAt = performance.now();
  const state = await loadConversationState(services, conversation);
  const shopperText = redactEmails(text.data);
  const deps = buildAgentDeps(services, shop, { id: conversation.id, holderHash: conversation.holderHash, door: conversation.door as Door, currentShopperText: shopperText }, ctx.clientAddress);
  let turn: AgentTurn;
  if (backend) {
    turn = await runModelTurn(deps, backend, {
      state,
      history: history.map((m) => ({ role: m.role, text: m.text })),
      text: text.data,
      timeoutMs: services.env.OPENAI_TIMEOUT_MS,
      ...(onDelta ? { onDelta } : {}),
      onModelError: (error) => services.logger.warn('model turn failed; deterministic engine answered', { error: error instanceof Error ? error.message : String(error) }),
    });
  } else {
    turn = { ...(await runDeterministicTurn(deps, state, text.data)), engine: 'deterministic' };
  }
  const latencyMs = Math.round(performance.now() - startedAt);
  const { stored, pendingEmail } = splitConversationState(turn.state);
  const reply = await repository.recordTurn(
    conversation.id,
    stored,
    { role: 'shopper', text: shopperText, cards: [] },
    { role: 'agent', text: turn.text, cards: turn.cards, intent: turn.intent, latencyMs },
  );
  // Most turns neither had nor leave a half-given email: nothing to write then.
  if (pendingEmail !== null || state.pendingEmail !== null) await savePendingEmail(services, conversation.id, pendingEmail);
  if (turn.engine !== 'model') onDelta?.(turn.text);
  const event = { shopId: shop.id, door: toEventDoor(conversation.door), conversationId: conversation.id };
  services.analytics.record({ ...event, type: 'intent_detected', reason: turn.intent, value: { wismo: ORDER_QUESTIONS.includes(turn.intent) } });
  services.analytics.record({ ...event, type: 'answer_sent', latencyMs, reason: turn.engine });
  services.logger.debug('chat turn', { engine: turn.engine, intent: turn.intent, latencyMs });
  return { messages: [reply] };
}

/** The whole conversation, oldest first, for a reload. */
export async function chatHistory(ctx: RequestContext, input: { conversationId: string; shop?: string }): Promise<{ messages: ChatMessage[] }> {
  const { conversation } = await findOwnConversation(ctx, input.conversationId, input.shop);
  return { messages: await createConversationRepository(ctx.services.db).listMessages(conversation.id) };
}
