import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import type { OrderStatusCategory } from '../tracking/status-categories';
import type { AgentDeps } from './agent-deps';
import { FOLLOW_UPS, START_OPTIONS } from './agent-turn';
import type { ChatCard } from './chat-message';
import { EMPTY_STATE, type ConversationState } from './conversation-state';
import { orderCard, quickReplies } from './order-cards';

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

export type Welcome = { text: string; cards: ChatCard[]; state: ConversationState; customerFirstName: string | null };

/**
 * The first agent message. A signed-in customer (customer grant from the app proxy) hears about their latest
 * order straight away ("Hi Jane, your latest order #1042 is out for delivery."); everyone else is asked for
 * the two details verification needs.
 */
export async function composeWelcome(deps: AgentDeps, options: { customer: boolean; locale?: Locale }): Promise<Welcome> {
  const locale = options.locale ?? DEFAULT_LOCALE;
  if (options.customer) {
    const orders = await deps.listOrders();
    const latest = orders[0];
    if (latest) {
      const view = latest.record.view;
      const name = view.customerFirstName ? ` ${view.customerFirstName}` : '';
      const more = orders.length > 1 ? ' Ask me anything about it, or about your other orders.' : ' Ask me anything about it.';
      return {
        text: `Hi${name}, your latest order ${view.orderName} ${LATEST[view.status]}.${more}`,
        cards: [orderCard(latest, deps.now(), deps.shop.timeZone), quickReplies(...FOLLOW_UPS)],
        state: { ...EMPTY_STATE, locale, activeOrderId: latest.record.orderId },
        customerFirstName: view.customerFirstName,
      };
    }
  }
  return {
    text: `Hi! I'm the ${deps.shop.name} order assistant. I can tell you where your order is, share tracking and delivery dates. What's your order number, and the email address you used for the order?`,
    cards: [quickReplies(...START_OPTIONS)],
    state: { ...EMPTY_STATE, locale },
    customerFirstName: null,
  };
}
