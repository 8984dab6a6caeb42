import { knownTimeZone } from '@/domain/analytics/shop-days';
import { orderStatusLabel } from '@/domain/analytics/dashboard-labels';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { findOrderRecords } from '@/domain/orders/lookup-order';
import { orderNameMatches, parseOrderReference } from '@/domain/orders/parse-order-reference';
import type { Shop } from '@/domain/shops/shop';
import { analyticsEvents, conversations, messages } from '../../db/schema';
import { orderLookupDeps } from '../../wiring/order-deps';
import type { Services } from '../../services';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const QUESTION_TYPES = ['order_viewed', 'deep_link_opened'];

export type TimelineQuestion = { at: Date; door: string; statusCategory: string | null; answer: string; conversationId: string | null };

/**
 * One order's story for the merchant: the Shopify journey (from the cache, Shopify or the last snapshot) and,
 * on the same time line, each time a shopper was shown it and what we answered. Null when no order has that number.
 */
export async function loadOrderTimeline(services: Services, shop: Shop, orderNumber: string) {
  const reference = parseOrderReference(orderNumber, shop.settings.orderNameFormat);
  if (!reference.ok) return null;
  const found = await findOrderRecords(orderLookupDeps(services, shop, { door: 'api' }), reference);
  if (!found.ok) return found.reason === 'unavailable' ? { unavailable: true as const } : null;
  const record = found.records.find((r) => orderNameMatches(reference, r.orderName, shop.settings.orderNameFormat));
  if (!record) return null;

  await services.analytics.flush();
  const events = await services.db
    .select({
      at: analyticsEvents.at,
      door: analyticsEvents.door,
      statusCategory: analyticsEvents.statusCategory,
      conversationId: analyticsEvents.conversationId,
      type: analyticsEvents.type,
    })
    .from(analyticsEvents)
    .where(and(eq(analyticsEvents.shopId, shop.id), eq(analyticsEvents.orderId, record.orderId), inArray(analyticsEvents.type, QUESTION_TYPES)))
    .orderBy(asc(analyticsEvents.at))
    .limit(200);

  const questions: TimelineQuestion[] = [];
  for (const event of events) {
    let answer =
      event.type === 'deep_link_opened'
        ? 'Opened the order page from an email link'
        : `Showed the order status: ${orderStatusLabel(event.statusCategory ?? 'unknown')}`;
    const conversationId = event.conversationId && UUID.test(event.conversationId) ? event.conversationId : null;
    if (conversationId) {
      const [reply] = await services.db
        .select({ text: messages.text })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(
          and(eq(messages.conversationId, conversationId), eq(conversations.shopId, shop.id), eq(messages.role, 'agent'), gte(messages.createdAt, event.at)),
        )
        .orderBy(asc(messages.createdAt))
        .limit(1);
      if (reply) answer = reply.text;
    }
    questions.push({ at: event.at, door: event.door, statusCategory: event.statusCategory, answer, conversationId });
  }
  return {
    unavailable: false as const,
    stale: found.stale,
    timeZone: knownTimeZone(shop.timezone),
    order: {
      orderId: record.orderId,
      orderName: record.orderName,
      status: record.view.status,
      headline: record.view.headline,
      placedAt: record.view.placedAt.at,
    },
    journey: record.view.timeline.map((entry) => ({ at: entry.at, label: entry.label, detail: entry.detail, kind: entry.kind })),
    questions,
  };
}
