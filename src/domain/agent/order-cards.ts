import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { orderViewIn } from '../orders/order-record';
import { describeFreshness } from '../tracking/describe-age';
import type { ShopperOrderView } from '../tracking/shopper-order-view';
import type { AccessibleOrder } from './agent-deps';
import type { ChatCard } from './chat-message';
import type { ConversationState } from './conversation-state';

/** The order card for a record in the conversation's language: the view as built from Shopify data, plus how fresh it is. */
export function orderCard(order: AccessibleOrder, now: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): ChatCard {
  const { record, stale } = order;
  const freshness = describeFreshness(record.fetchedAt, now, timeZone, locale);
  return {
    type: 'order',
    order: orderViewIn(record, locale),
    freshness: { fetchedAt: record.fetchedAt, stale, note: stale ? translator(locale, 'chat')('staleNote', { freshness }) : null },
  };
}

/** "Which order?" choices, newest first. */
export function orderChoicesCard(orders: readonly AccessibleOrder[], locale: Locale = DEFAULT_LOCALE): ChatCard {
  return {
    type: 'order_choices',
    orders: orders.map(({ record }) => ({
      orderId: record.orderId,
      orderName: record.orderName,
      status: record.view.status,
      headline: translator(locale, 'status')(`headline.${record.view.status}`),
    })),
  };
}

export const quickReplies = (...options: string[]): ChatCard => ({ type: 'quick_replies', options });

/** What the order card says, in short: when this is unchanged, showing the card again adds nothing. */
export function cardFingerprint(view: ShopperOrderView, stale: boolean): string {
  const shipments = view.shipments.map((s) => `${s.status}:${s.latestEvent?.at ?? ''}:${s.estimatedDelivery?.at ?? ''}:${s.trackingNumber ?? ''}`);
  return [view.status, stale ? 'stale' : 'fresh', view.unshippedItemCount, ...shipments].join('|').slice(0, 400);
}

/** The state after showing an order's card: remembered as the card on screen and as this order's seen status. */
export function rememberShownCard(state: ConversationState, order: AccessibleOrder): ConversationState {
  const { orderId, view } = order.record;
  return rememberShownView(state, orderId, view, order.stale);
}

function rememberShownView(state: ConversationState, orderId: string, view: ShopperOrderView, stale: boolean): ConversationState {
  return { ...state, shownCard: { orderId, fingerprint: cardFingerprint(view, stale) }, seenStatuses: { ...state.seenStatuses, [orderId]: view.status } };
}

/** Drops order cards the shopper already sees unchanged (the model's tools add one per read) and remembers the rest. */
export function withoutRepeatedCards(state: ConversationState, cards: ChatCard[]): { cards: ChatCard[]; state: ConversationState } {
  let next = state;
  const kept = cards.filter((card) => {
    if (card.type !== 'order') return true;
    const repeated = next.shownCard?.orderId === card.order.orderId && next.shownCard.fingerprint === cardFingerprint(card.order, card.freshness.stale);
    next = rememberShownView(next, card.order.orderId, card.order, card.freshness.stale);
    return !repeated;
  });
  return { cards: kept, state: next };
}

/** Whether the card on screen already shows this order as it is now. */
export function cardAlreadyShown(state: ConversationState, order: AccessibleOrder): boolean {
  return state.shownCard?.orderId === order.record.orderId && state.shownCard.fingerprint === cardFingerprint(order.record.view, order.stale);
}
