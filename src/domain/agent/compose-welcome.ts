import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator, yesNo } from '../i18n/messages';
import type { AgentDeps } from './agent-deps';
import { followUps, offered, startOptions } from './agent-turn';
import type { ChatCard } from './chat-message';
import { EMPTY_STATE, type ConversationState } from './conversation-state';
import { findProactiveNews, type ProactiveKind } from './find-proactive-news';
import { orderCard, quickReplies, rememberShownCard } from './order-cards';

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
 * Everything is said in `locale` (English when absent).
 */
export async function composeWelcome(
  deps: AgentDeps,
  options: { customer: boolean; seenStatuses?: Record<string, string>; locale?: Locale },
): Promise<Welcome> {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const t = translator(locale, 'chat');
  const seenStatuses = options.seenStatuses ?? {};
  const base: ConversationState = { ...EMPTY_STATE, seenStatuses, locale };
  const suggestions = offered(deps, followUps(locale), locale);
  // A browser without grants gets [] here without a Shopify call.
  const orders = await deps.listOrders();
  const news = findProactiveNews(orders, seenStatuses, deps.now(), locale);
  if (news) {
    return {
      text: news.text,
      cards: [orderCard(news.order, deps.now(), deps.shop.timeZone, locale), quickReplies(...suggestions)],
      state: { ...rememberShownCard(base, news.order), activeOrderId: news.order.record.orderId },
      customerFirstName: options.customer ? news.order.record.view.customerFirstName : null,
      proactive: { kind: news.kind, orderId: news.order.record.orderId },
    };
  }
  const latest = options.customer ? orders[0] : undefined;
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
      cards: [orderCard(latest, deps.now(), deps.shop.timeZone, locale), quickReplies(...suggestions)],
      state: { ...rememberShownCard(base, latest), activeOrderId: latest.record.orderId },
      customerFirstName: view.customerFirstName,
      proactive: null,
    };
  }
  return {
    text: t('welcome.guest', { shop: deps.shop.name }),
    cards: [quickReplies(...offered(deps, startOptions(locale), locale))],
    state: base,
    customerFirstName: null,
    proactive: null,
  };
}
