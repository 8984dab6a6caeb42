import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { composeWelcome } from '@/domain/agent/compose-welcome';
import { toEventDoor } from '@/domain/analytics/analytics-event';
import type { ChatDoor, ChatMessage } from '@/domain/agent/chat-message';
import { verifyAppProxyQuery } from '@/domain/links/app-proxy';
import type { Shop } from '@/domain/shops/shop';
import { normalizeShopDomain } from '@/domain/shops/shop-domain';
import { hashClientFor } from '../orders/order-deps';
import type { RequestContext } from '../api/trpc';
import { shopperHolder } from '../api/shopper-session';
import type { Services } from '../services';
import { buildAgentDeps } from './build-agent-deps';
import { createConversationRepository } from './conversation-repository';
import { savePendingEmail, splitConversationState } from './conversation-memory';

export async function resolveChatShop(services: Services, domainInput: string): Promise<Shop> {
  const domain = normalizeShopDomain(domainInput);
  const shop = domain ? await services.shops.findShopByDomain(domain) : null;
  if (!shop || shop.uninstalledAt) throw new TRPCError({ code: 'NOT_FOUND', message: 'This shop is not available.' });
  return shop;
}

/**
 * A signed app-proxy request with a logged-in customer gives this browser session a customer grant in this
 * shop. Anything else (bad or stale signature, another shop, a guest) falls back to the normal flow; failures
 * are audited.
 */
async function grantProxyCustomer(ctx: RequestContext, shop: Shop, holderHash: string, query: Record<string, string>): Promise<boolean> {
  const { services } = ctx;
  const result = verifyAppProxyQuery(query, services.env.SHOPIFY_API_SECRET, Date.now());
  const audit = (outcome: 'success' | 'failure', reason: string) =>
    services.audit.record({ shopId: shop.id, door: 'app_proxy', action: 'verify', result: outcome, reason, clientHash: hashClientFor(services)(ctx.clientAddress) });
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
 */
async function checkChatStartRate(ctx: RequestContext): Promise<void> {
  const { services } = ctx;
  const key = `chat:start:${hashClientFor(services)(ctx.clientAddress)}`;
  const count = await services.store.increment(key, CHAT_START_WINDOW_MS).catch(() => 0);
  if (count <= services.env.CHAT_START_MAX_PER_CLIENT) return;
  const waitMs = (await services.store.ttl(key).catch(() => null)) ?? CHAT_START_WINDOW_MS;
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: `Many chats were started from your network recently. Please try again in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}.` });
}

const CHAT_START_WINDOW_MS = 60 * 60 * 1000;

/** Opens a conversation bound to the shop and this browser session, and stores the agent's first message. */
export async function startChat(
  ctx: RequestContext,
  input: { shop: string; door?: ChatDoor; proxyQuery?: Record<string, string> },
): Promise<{ conversationId: string; messages: ChatMessage[] }> {
  const { services } = ctx;
  const shop = await resolveChatShop(services, input.shop);
  await checkChatStartRate(ctx);
  const holderHash = shopperHolder(ctx, { create: true })!;
  const door = input.door ?? 'api';
  const customer = door === 'app_proxy' && input.proxyQuery ? await grantProxyCustomer(ctx, shop, holderHash, input.proxyQuery) : false;
  const repository = createConversationRepository(services.db);
  const conversationId = randomUUID();
  const deps = buildAgentDeps(services, shop, { id: conversationId, holderHash, door }, ctx.clientAddress);
  const welcome = await composeWelcome(deps, { customer });
  const { stored, pendingEmail } = splitConversationState(welcome.state);
  const message = await repository.startConversation(
    { id: conversationId, shopId: shop.id, holderHash, door, customerFirstName: welcome.customerFirstName ?? null, state: stored },
    { role: 'agent', text: welcome.text, cards: welcome.cards, intent: 'greeting' },
  );
  await savePendingEmail(services, conversationId, pendingEmail);
  services.analytics.record({ shopId: shop.id, type: 'conversation_started', door: toEventDoor(door), conversationId });
  return { conversationId, messages: [message] };
}
