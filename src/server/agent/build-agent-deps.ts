import { getOrderRecord } from '@/domain/orders/lookup-order';
import { orderNameMatches } from '@/domain/orders/parse-order-reference';
import type { AccessibleOrder, AgentDeps } from '@/domain/agent/agent-deps';
import type { Shop } from '@/domain/shops/shop';
import { describeRetryAfter } from '@/domain/verification/attempt-limits';
import { grantedOrderIds, grantsAllowOrder } from '@/domain/verification/grant-access';
import { verifyOrder, type Door } from '@/domain/verification/verify-order';
import { NOT_VERIFIED_MESSAGE, UNAVAILABLE_MESSAGE } from '../api/routers/orders';
import { hashClientFor, orderLookupDeps, verifyOrderDeps } from '../orders/order-deps';
import type { Services } from '../services';
import { listCustomerOrders } from './customer-orders';
import { requestHandoff } from './request-handoff';
import { recordOrderViewed } from '../analytics/lookup-events';

/** `currentShopperText`: the message this turn answers (emails masked), not stored yet while the turn runs. */
export type AgentConversation = { id: string; holderHash: string; door: Door; currentShopperText?: string };

/** Where the shop's team is told about hand-offs; on the embedded outbox a stand-in address keeps the demo visible. */
export function supportAddress(services: Services, shop: Shop): string | null {
  return shop.settings.supportEmail ?? (services.mailer.kind === 'outbox' ? `support@${shop.domain}` : null);
}

/**
 * The agent's gateways for one conversation: verification through verifyOrder (limits, grants, audit) with
 * the conversation's holder, and order reads limited to what that holder's grants reach in this shop.
 */
export function buildAgentDeps(services: Services, shop: Shop, conversation: AgentConversation, clientAddress: string): AgentDeps {
  const track = { door: conversation.door, inquiryId: conversation.id };
  const lookup = orderLookupDeps(services, shop, track);
  const hashClient = hashClientFor(services);

  async function accessibleOrders(): Promise<AccessibleOrder[]> {
    const grants = await services.grants.listGrants(conversation.holderHash, shop.id, new Date());
    if (grants.length === 0) return [];
    const found: AccessibleOrder[] = [];
    for (const result of await Promise.all(grantedOrderIds(grants, shop.id).map((id) => getOrderRecord(lookup, id)))) {
      if (result.ok) found.push({ record: result.record, stale: result.stale });
    }
    for (const grant of grants.filter((g) => g.kind === 'customer' && g.shopId === shop.id)) {
      const records = await listCustomerOrders(services, shop, grant.subject).catch(() => []);
      for (const record of records) if (!found.some((f) => f.record.orderId === record.orderId)) found.push({ record, stale: false });
    }
    return found.filter((order) => grantsAllowOrder(grants, shop.id, order.record)).sort((a, b) => b.record.view.placedAt.at.localeCompare(a.record.view.placedAt.at));
  }

  return {
    shop: {
      name: shop.settings.brandName ?? shop.name,
      timeZone: shop.timezone,
      returnPolicy: shop.settings.returnPolicy ?? null,
      handoffEta: 'within 1 business day',
    },
    now: () => new Date(),
    async verify(reference, email) {
      const result = await verifyOrder(verifyOrderDeps(services, shop, conversation.holderHash, conversation.door, conversation.id), {
        reference,
        email,
        holderHash: conversation.holderHash,
        clientAddress,
        door: conversation.door,
      });
      if (result.ok) {
        recordOrderViewed(services, shop.id, track, { record: result.record });
        return { ok: true, record: result.record, stale: result.stale };
      }
      if (result.reason === 'locked') {
        return { ok: false, reason: 'locked', message: `Too many attempts. For your security, please try again ${describeRetryAfter(result.retryAfterMs)}.` };
      }
      return { ok: false, reason: result.reason, message: result.reason === 'unavailable' ? UNAVAILABLE_MESSAGE : NOT_VERIFIED_MESSAGE };
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
    requestHuman: (reason) => requestHandoff(services, shop, conversation.id, reason, supportAddress(services, shop), conversation.door, conversation.currentShopperText),
  };
}
