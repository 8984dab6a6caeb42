import type { OrderStatusCategory } from '../tracking/status-categories';
import type { AgentDeps } from './agent-deps';
import { FOLLOW_UPS, offered, START_OPTIONS } from './agent-turn';
import type { ChatCard } from './chat-message';
import { EMPTY_STATE, type ConversationState } from './conversation-state';
import { findProactiveNews, type ProactiveKind } from './find-proactive-news';
import { orderCard, quickReplies, rememberShownCard } from './order-cards';

const LATEST: Record<OrderStatusCategory, string> = {
  payment_pending: 'is waiting for payment',
  confirmed: 'is confirmed and being prepared',
  on_hold: 'is on hold',
  payment_problem: "has a payment that didn't go through",
  partially_shipped: 'is partly shipped',
  shipped: 'has shipped',
  in_transit: 'is on its way',
  out_for_delivery: 'is out for delivery',
  attempted_delivery: 'had a delivery attempt',
  ready_for_pickup: 'is ready for pickup',
  partially_delivered: 'is partly delivered',
  delivered: 'was delivered',
  delivery_problem: 'has a delivery problem',
  cancelled: 'was cancelled',
  refunded: 'was refunded',
  digital: "doesn't need shipping",
};

/** The stored intent of a greeting that led with order news (a greeting-only conversation that still answered). */
export const PROACTIVE_INTENT = 'proactive';

export type Welcome = {
  text: string;
  cards: ChatCard[];
  state: ConversationState;
  customerFirstName: string | null;
  /** Set when the greeting led with news about an order (a proactive answer). */
  proactive: { kind: ProactiveKind; orderId: string } | null;
};

/**
 * The first agent message. A returning holder whose grants reach an order with news (a failed delivery
 * attempt, no carrier scan for days, out for delivery, ready for pickup, delivered since last seen) hears that
 * first, in one sentence with the card; only orders `deps.listOrders` returns (the grants) are ever read. A
 * signed-in customer (customer grant from the app proxy) otherwise hears about their latest order ("Hi Jane,
 * your latest order #1042 is out for delivery."); everyone else is asked for the two details verification needs.
 * `seenStatuses`: what this holder was last shown of each order, carried over from its previous conversation.
 */
export async function composeWelcome(deps: AgentDeps, options: { customer: boolean; seenStatuses?: Record<string, string> }): Promise<Welcome> {
  const seenStatuses = options.seenStatuses ?? {};
  const base: ConversationState = { ...EMPTY_STATE, seenStatuses };
  // A browser without grants gets [] here without a Shopify call.
  const orders = await deps.listOrders();
  const news = findProactiveNews(orders, seenStatuses, deps.now());
  if (news) {
    return {
      text: news.text,
      cards: [orderCard(news.order, deps.now(), deps.shop.timeZone), quickReplies(...offered(deps, FOLLOW_UPS))],
      state: { ...rememberShownCard(base, news.order), activeOrderId: news.order.record.orderId },
      customerFirstName: options.customer ? news.order.record.view.customerFirstName : null,
      proactive: { kind: news.kind, orderId: news.order.record.orderId },
    };
  }
  const latest = options.customer ? orders[0] : undefined;
  if (latest) {
    const view = latest.record.view;
    const name = view.customerFirstName ? ` ${view.customerFirstName}` : '';
    const more = orders.length > 1 ? ' Ask me anything about it, or about your other orders.' : ' Ask me anything about it.';
    return {
      text: `Hi${name}, your latest order ${view.orderName} ${LATEST[view.status]}.${more}`,
      cards: [orderCard(latest, deps.now(), deps.shop.timeZone), quickReplies(...offered(deps, FOLLOW_UPS))],
      state: { ...rememberShownCard(base, latest), activeOrderId: latest.record.orderId },
      customerFirstName: view.customerFirstName,
      proactive: null,
    };
  }
  return {
    text: `Hi! I'm the ${deps.shop.name} order assistant. I can tell you where your order is, share tracking and delivery dates. What's your order number, and the email address you used for the order?`,
    cards: [quickReplies(...offered(deps, START_OPTIONS))],
    state: base,
    customerFirstName: null,
    proactive: null,
  };
}
