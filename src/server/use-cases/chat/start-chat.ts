import { randomUUID } from 'node:crypto';
import { DEFAULT_LOCALE, type Locale } from '@/domain/i18n/locales';
import { translator } from '@/domain/i18n/messages';
import { composeWelcome, PROACTIVE_INTENT } from '@/domain/agent/compose-welcome';
import { readConversationState } from '@/domain/agent/conversation-state';
import { toEventDoor } from '@/domain/analytics/analytics-event';
import type { ChatDoor, ChatMessage } from '@/domain/agent/chat-message';
import { verifyAppProxyQuery } from '@/domain/links/app-proxy';
import type { Shop } from '@/domain/shops/shop';
import { normalizeShopDomain } from '@/domain/shops/shop-domain';
import { hashClientFor } from '../../wiring/order-deps';
import type { Services } from '../../services';
import { buildAgentDeps } from '../../wiring/agent-deps';
import type { ReadSignedIn } from '../orders/list-holder-orders';

import { savePendingEmail, splitConversationState } from '../../agent/conversation-memory';
import { AppError } from '../../app-error';

/**
 * A signed app-proxy request with a logged-in customer gives this browser session a customer grant in this
 * shop. Anything else (bad or stale signature, another shop, a guest) falls back to the normal flow; failures
 * are audited.
 */
async function grantProxyCustomer(
  services: Services,
  clientAddress: string | null,
  shop: Shop,
  holderHash: string,
  query: Record<string, string>,
): Promise<boolean> {
  const result = verifyAppProxyQuery(query, services.env.SHOPIFY_API_SECRET, Date.now());
  const audit = (outcome: 'success' | 'failure', reason: string) =>
    services.audit.record({
      shopId: shop.id,
      door: 'app_proxy',
      action: 'verify',
      result: outcome,
      reason,
      clientHash: hashClientFor(services)(clientAddress),
    });
  if (!result.ok) return audit('failure', `app_proxy_${result.reason}`).then(() => false);
  if (normalizeShopDomain(result.shop) !== shop.domain) return audit('failure', 'app_proxy_other_shop').then(() => false);
  if (!result.loggedInCustomerId) return false;
  await services.grants.createGrant({
    holderHash,
    shopId: shop.id,
    kind: 'customer',
    subject: result.loggedInCustomerId,
    door: 'app_proxy',
    expiresAt: new Date(Date.now() + services.env.GRANT_TTL_HOURS * 60 * 60 * 1000),
  });
  await audit('success', 'app_proxy_customer');
  return true;
}

/**
 * New conversations per client address and hour: a shopper opens a handful, a script thousands (each one a
 * stored row and a dashboard count). Fails open when the store is down: this guards storage, not identity.
 * An unknown address is not limited (one shared bucket would stop every unknown shopper); /api/health warns.
 */
async function checkChatStartRate(services: Services, clientAddress: string | null, locale: Locale | undefined): Promise<void> {
  const clientHash = hashClientFor(services)(clientAddress);
  if (!clientHash) return;
  const key = `chat:start:${clientHash}`;
  const count = await services.store.increment(key, CHAT_START_WINDOW_MS).catch(() => 0);
  if (count <= services.env.CHAT_START_MAX_PER_CLIENT) return;
  const waitMs = (await services.store.ttl(key).catch(() => null)) ?? CHAT_START_WINDOW_MS;
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  throw new AppError('rate_limited', translator(locale, 'chat')('errors.tooManyChats', { minutes }), { retryAfterSeconds: Math.ceil(waitMs / 1000) });
}

const CHAT_START_WINDOW_MS = 60 * 60 * 1000;

/**
 * Opens a conversation bound to the shop and this browser session, in the shopper's language (`locale`, English
 * when absent), and stores the agent's first message.
 * `ensureHolderHash` creates the session only once the start is allowed, so a refused start sets no cookie.
 */
export async function startChat(
  services: Services,
  opener: { ensureHolderHash: () => string; clientAddress: string | null; readSignedIn?: ReadSignedIn | undefined },
  input: { shop: Shop; door?: ChatDoor | undefined; proxyQuery?: Record<string, string> | undefined; locale?: Locale | undefined },
): Promise<{ conversationId: string; messages: ChatMessage[]; locale: Locale }> {
  const { shop, proxyQuery } = input;
  await checkChatStartRate(services, opener.clientAddress, input.locale);
  const holderHash = opener.ensureHolderHash();
  const door = input.door ?? 'api';
  const customer = door === 'app_proxy' && proxyQuery ? await grantProxyCustomer(services, opener.clientAddress, shop, holderHash, proxyQuery) : false;
  const repository = services.conversations;
  const conversationId = randomUUID();
  const deps = buildAgentDeps(services, shop, { id: conversationId, holderHash, door, readSignedIn: opener.readSignedIn }, opener.clientAddress);
  const previous = readConversationState(await repository.findLatestState(shop.id, holderHash));
  const welcome = await composeWelcome(deps, { customer, seenStatuses: previous.seenStatuses, locale: input.locale ?? DEFAULT_LOCALE });
  const { stored, pendingEmail } = splitConversationState(welcome.state);
  const message = await repository.startConversation(
    { id: conversationId, shopId: shop.id, holderHash, door, customerFirstName: welcome.customerFirstName ?? null, state: stored },
    // A proactive greeting is an answer: its conversation is listed for the merchant even if nothing follows.
    { role: 'agent', text: welcome.text, cards: welcome.cards, intent: welcome.proactive ? PROACTIVE_INTENT : 'greeting' },
  );
  await savePendingEmail(services, conversationId, pendingEmail);
  const event = { shopId: shop.id, door: toEventDoor(door), conversationId };
  services.analytics.record({ ...event, type: 'conversation_started' });
  if (welcome.proactive) services.analytics.record({ ...event, type: 'proactive_answer', reason: welcome.proactive.kind, orderId: welcome.proactive.orderId });
  return { conversationId, messages: [message], locale: welcome.state.locale };
}
