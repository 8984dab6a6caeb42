import { offeredLocales } from '@/domain/i18n/negotiate-locale';
import { exampleOrderName } from '@/domain/orders/order-name-format';
import { orderNameMatches } from '@/domain/orders/parse-order-reference';
import type { AccessibleOrder, AgentDeps } from '@/domain/agent/agent-deps';
import type { Shop } from '@/domain/shops/shop';
import type { Door } from '@/domain/verification/verify-order';
import { hashClientFor, orderLookupDeps } from './order-deps';
import type { Services } from '../services';
import { listHolderOrders, newestFirst, type ReadSignedIn } from '../use-cases/orders/list-holder-orders';
import { getOrderRecord } from '@/domain/orders/lookup-order';
import { grantsAllowOrder } from '@/domain/verification/grant-access';
import { verifyShopperOrder } from '../use-cases/orders/verify-shopper-order';
import { requestHandoff } from '../agent/request-handoff';
import { requestShopperMagicLink } from '../use-cases/links/request-shopper-magic-link';
import { recordOrderViewed } from '../analytics/lookup-events';

/**
 * `currentShopperText`: the message this turn answers (emails masked), not stored yet while the turn runs.
 * `readSignedIn`: the browser's magic-link sign-in, when the request carries one (see accessibleOrders).
 */
export type AgentConversation = { id: string; holderHash: string; door: Door; currentShopperText?: string; readSignedIn?: ReadSignedIn | undefined };

/** How many of a signed-in email's newest orders the chat reads in full (the greeting's news, "where is my order"). */
export const EMAIL_ORDERS_IN_CHAT = 5;

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

  // A magic link redeemed on the tracking page gives this browser an email grant; while the browser is still signed
  // in as that email (the same check as the history page), the chat reaches that email's newest orders too, each
  // read in full and re-checked against the grants. Without a sign-in the email grant reaches nothing here.
  async function accessibleOrders(): Promise<AccessibleOrder[]> {
    const grants = await services.grants.listGrants(conversation.holderHash, shop.id, new Date());
    const readSignedIn = conversation.readSignedIn ?? (async () => null);
    const { orders, emailHistory } = await listHolderOrders(services, { shop, grants, lookup, readSignedIn });
    const newest = emailHistory.slice(0, EMAIL_ORDERS_IN_CHAT);
    for (const result of await Promise.all(newest.map((order) => getOrderRecord(lookup, order.orderId)))) {
      if (result.ok && grantsAllowOrder(grants, shop.id, result.record)) orders.push({ record: result.record, stale: result.stale });
    }
    return orders.sort((a, b) => newestFirst(a.record.view, b.record.view));
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
    async requestHuman({ reason, contactEmail, orderId, locale }) {
      // The order travels only when a grant of this conversation still reaches it.
      const order = orderId ? (await accessibleOrders()).find((o) => o.record.orderId === orderId) : undefined;
      return requestHandoff(services, shop, {
        conversationId: conversation.id,
        reason,
        supportEmail: supportAddress(shop),
        door: conversation.door,
        currentShopperText: conversation.currentShopperText,
        contactEmail,
        locale,
        order: order ? { name: order.record.orderName, status: order.record.view.headline } : null,
      });
    },
    requestMagicLink: (email, locale) => requestShopperMagicLink(services, { shop, email, clientAddress, door: 'widget', ...(locale ? { locale } : {}) }),
  };
}
