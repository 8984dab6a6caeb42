import { CHAT_TEXT_ERROR, chatTextSchema, type ChatMessage } from '@/domain/agent/chat-message';
import type { AgentTurn } from '@/domain/agent/agent-turn';
import { readConversationState } from '@/domain/agent/conversation-state';
import type { Locale } from '@/domain/i18n/locales';
import { translator } from '@/domain/i18n/messages';
import { ORDER_QUESTIONS } from '@/domain/agent/detect-intent';
import { toEventDoor } from '@/domain/analytics/analytics-event';
import { redactEmails } from '@/domain/agent/extract-details';
import { runDeterministicTurn } from '@/domain/agent/run-deterministic-turn';
import { runModelTurn } from '@/domain/agent/run-model-turn';
import type { Shop } from '@/domain/shops/shop';
import type { Door } from '@/domain/verification/verify-order';
import { normalizeShopDomain } from '@/domain/shops/shop-domain';
import { buildAgentDeps } from '../../wiring/agent-deps';
import type { ConversationRow } from '../../agent/conversation-repository';
import { loadConversationState, savePendingEmail, splitConversationState } from '../../agent/conversation-memory';
import { modelBackendFor } from '../../agent/model-backend';
import { AppError } from '../../app-error';
import type { Services } from '../../services';
import type { ReadSignedIn } from '../orders/list-holder-orders';

/**
 * Who is writing: the browser session's grant holder (null without a session), its address and, read only when an
 * email grant makes it matter, its magic-link sign-in (absent: not signed in).
 */
export type ChatSender = { holderHash: string | null; clientAddress: string | null; readSignedIn?: ReadSignedIn | undefined };

export const MESSAGES_PER_MINUTE = 30;

/**
 * The conversation of this browser session, or NOT_FOUND: unknown id, another browser's and (when `shop` is
 * given) another shop's conversation are indistinguishable.
 */
export async function findOwnConversation(
  services: Services,
  holderHash: string | null,
  conversationId: string,
  shopInput?: string,
  locale?: Locale,
): Promise<{ conversation: ConversationRow; shop: Shop }> {
  const notFound = () => new AppError('not_found', translator(locale, 'chat')('errors.notFound'));
  if (!holderHash) throw notFound();
  const found = await services.conversations.findConversationWithShop(conversationId, holderHash);
  if (!found || found.shop.uninstalledAt) throw notFound();
  const { conversation, shop } = found;
  if (shopInput !== undefined && normalizeShopDomain(shopInput) !== shop.domain) throw notFound();
  return { conversation, shop };
}

/** Messages per conversation and minute; the refusal is said in the conversation's language. */
async function checkRate(services: Services, conversation: ConversationRow, locale: Locale | undefined): Promise<void> {
  const window = Math.floor(Date.now() / 60_000);
  const count = await services.store.increment(`chat:rate:${conversation.id}:${window}`, 60_000).catch(() => 0);
  if (count > MESSAGES_PER_MINUTE) {
    const language = locale ?? readConversationState(conversation.state).locale;
    throw new AppError('rate_limited', translator(language, 'chat')('errors.tooFast'), { retryAfterSeconds: 60 });
  }
}

/**
 * One shopper message → the agent's reply, stored with both sides. The model answers when configured,
 * the deterministic engine otherwise and whenever the model fails. `onDelta` receives reply text as it is written.
 * Returns the conversation's language after the turn (the shopper's words may have switched it).
 */
export async function sendChatMessage(
  services: Services,
  sender: ChatSender,
  input: { conversationId: string; text: string; shop?: string | undefined; locale?: Locale | undefined },
  onDelta?: (text: string) => void,
): Promise<{ messages: ChatMessage[]; locale: Locale }> {
  const text = chatTextSchema.safeParse(input.text);
  if (!text.success) throw new AppError('bad_request', CHAT_TEXT_ERROR);
  const { conversation, shop } = await findOwnConversation(services, sender.holderHash, input.conversationId, input.shop, input.locale);
  await checkRate(services, conversation, input.locale);
  const repository = services.conversations;
  const backend = modelBackendFor(services);
  // Only the model reads earlier turns; the engine's memory is the conversation state.
  const history = backend ? await repository.listMessages(conversation.id) : [];

  const startedAt = performance.now();
  const loaded = await loadConversationState(services, conversation);
  // The widget's language switcher: the shopper's explicit choice, before their words may switch it again.
  const state = input.locale ? { ...loaded, locale: input.locale } : loaded;
  const shopperText = redactEmails(text.data);
  const deps = buildAgentDeps(
    services,
    shop,
    {
      id: conversation.id,
      holderHash: conversation.holderHash,
      door: conversation.door as Door,
      currentShopperText: shopperText,
      readSignedIn: sender.readSignedIn,
    },
    sender.clientAddress,
  );
  let turn: AgentTurn;
  if (backend) {
    turn = await runModelTurn(deps, backend, {
      state,
      history: history.map((m) => ({ role: m.role, text: m.text })),
      text: text.data,
      timeoutMs: services.env.OPENAI_TIMEOUT_MS,
      ...(onDelta ? { onDelta } : {}),
      onModelError: (error) =>
        services.logger.warn('model turn failed; deterministic engine answered', { error: error instanceof Error ? error.message : String(error) }),
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
  return { messages: [reply], locale: turn.state.locale };
}

/** The whole conversation, oldest first, and its current language, for a reload. */
export async function loadChatHistory(
  services: Services,
  holderHash: string | null,
  input: { conversationId: string; shop?: string | undefined },
): Promise<{ messages: ChatMessage[]; locale: Locale }> {
  const { conversation } = await findOwnConversation(services, holderHash, input.conversationId, input.shop);
  return { messages: await services.conversations.listMessages(conversation.id), locale: readConversationState(conversation.state).locale };
}
