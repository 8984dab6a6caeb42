import { offeredLocales } from '@/domain/i18n/negotiate-locale';
import { exampleOrderName } from '@/domain/orders/order-name-format';
import { orderNameMatches } from '@/domain/orders/parse-order-reference';
import type { AccessibleOrder, AgentDeps } from '@/domain/agent/agent-deps';
import type { Shop } from '@/domain/shops/shop';
import type { Door } from '@/domain/verification/verify-order';
import { hashClientFor, orderLookupDeps } from './order-deps';
import type { Services } from '../services';
import { listHolderOrders } from '../use-cases/orders/list-holder-orders';
import { verifyShopperOrder } from '../use-cases/orders/verify-shopper-order';
import { requestHandoff } from '../agent/request-handoff';
import { requestShopperMagicLink } from '../use-cases/links/request-shopper-magic-link';
import { recordOrderViewed } from '../analytics/lookup-events';

/** `currentShopperText`: the message this turn answers (emails masked), not stored yet while the turn runs. */
export type AgentConversation = { id: string; holderHash: string; door: Door; currentShopperText?: string };

/** Where the shop's team is told about hand-offs: only the address the merchant configured, never a guess. */
export function supportAddress(shop: Shop): string | null {
  return shop.settings.supportEmail?.trim() || null;
}

/**
 * The agent's gateways for one conversation: verification through verifyOrder (limits, grants, audit) with
 * the conversation's holder, and order reads limited to what that holder's grants reach in this shop.
 */
export function buildAgentDeps(services: Services, shop: Shop, conversation: AgentConversation, clientAddress: string | null): AgentDeps {
  const track = { door: conversation.door, inquiryId: conversation.id };
  const lookup = orderLookupDeps(services, shop, track);
  const hashClient = hashClientFor(services);

  // The chat has no magic-link sign-in of its own: email grants reach it through the tracking page only.
  async function accessibleOrders(): Promise<AccessibleOrder[]> {
    const grants = await services.grants.listGrants(conversation.holderHash, shop.id, new Date());
    return (await listHolderOrders(services, { shop, grants, lookup, readSignedIn: async () => null })).orders;
  }

  return {
    shop: {
      name: shop.settings.brandName ?? shop.name,
      timeZone: shop.timezone,
      returnPolicy: shop.settings.returnPolicy ?? null,
      handoffEta: 'within 1 business day',
      handoffAvailable: supportAddress(shop) !== null,
      orderExample: exampleOrderName(shop.settings.orderNameFormat),
      // The shop's published languages (shopLocales): a conversation only switches to one of them.
      locales: offeredLocales(shop.settings.locales),
    },
    now: () => new Date(),
    async verify(reference, email) {
      const answer = await verifyShopperOrder(services, {
        shop,
        holderHash: conversation.holderHash,
        clientAddress,
        door: conversation.door,
        reference,
        email,
        inquiryId: conversation.id,
      });
      if (answer.status === 'verified') return { ok: true, record: answer.record, stale: answer.stale };
      return answer.status === 'locked'
        ? { ok: false, reason: answer.status, message: answer.message, retryAfterMs: answer.retryAfterSeconds * 1000 }
        : { ok: false, reason: answer.status, message: answer.message };
    },
    async getOrder(orderIdOrName) {
      const orders = await accessibleOrders();
      const wanted = orderIdOrName.trim();
      const match = orders.find((o) => o.record.orderId === wanted || orderNameMatches(wanted, o.record.orderName, shop.settings.orderNameFormat));
      if (!match) return { ok: false, reason: 'no_access' };
      await services.audit.record({
        shopId: shop.id,
        door: conversation.door,
        action: 'view',
        result: 'success',
        reason: 'chat',
        clientHash: hashClient(clientAddress),
        emailHash: match.record.emailHash,
        orderId: match.record.orderId,
      });
      recordOrderViewed(services, shop.id, track, { record: match.record });
      return { ok: true, ...match };
    },
    listOrders: accessibleOrders,
    async requestHuman({ reason, contactEmail, orderId }) {
      // The order travels only when a grant of this conversation still reaches it.
      const order = orderId ? (await accessibleOrders()).find((o) => o.record.orderId === orderId) : undefined;
      return requestHandoff(services, shop, {
        conversationId: conversation.id,
        reason,
        supportEmail: supportAddress(shop),
        door: conversation.door,
        currentShopperText: conversation.currentShopperText,
        contactEmail,
        order: order ? { name: order.record.orderName, status: order.record.view.headline } : null,
      });
    },
    requestMagicLink: (email, locale) => requestShopperMagicLink(services, { shop, email, clientAddress, door: 'widget', ...(locale ? { locale } : {}) }),
  };
}
