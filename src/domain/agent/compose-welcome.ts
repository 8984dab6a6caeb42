import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import type { AgentDeps } from './agent-deps';
import { followUps, startOptions } from './agent-turn';
import { translator, yesNo } from '../i18n/messages';
import type { ChatCard } from './chat-message';
import { EMPTY_STATE, type ConversationState } from './conversation-state';
import { orderCard, quickReplies } from './order-cards';

export type Welcome = { text: string; cards: ChatCard[]; state: ConversationState; customerFirstName: string | null };

/**
 * The first agent message. A signed-in customer (customer grant from the app proxy) hears about their latest
 * order straight away ("Hi Jane, your latest order #1042 is out for delivery."); everyone else is asked for
 * the two details verification needs.
 */
export async function composeWelcome(deps: AgentDeps, options: { customer: boolean; locale?: Locale }): Promise<Welcome> {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const t = translator(locale, 'chat');
  if (options.customer) {
    const orders = await deps.listOrders();
    const latest = orders[0];
    if (latest) {
      const view = latest.record.view;
      const text = t('welcome.customer', {
        named: yesNo(view.customerFirstName),
        name: view.customerFirstName ?? '',
        order: view.orderName,
        status: view.status,
        more: yesNo(orders.length > 1),
      });
      return {
        text,
        cards: [orderCard(latest, deps.now(), deps.shop.timeZone, locale), quickReplies(...followUps(locale))],
        state: { ...EMPTY_STATE, locale, activeOrderId: latest.record.orderId },
        customerFirstName: view.customerFirstName,
      };
    }
  }
  return {
    text: t('welcome.guest', { shop: deps.shop.name }),
    cards: [quickReplies(...startOptions(locale))],
    state: { ...EMPTY_STATE, locale },
    customerFirstName: null,
  };
}
