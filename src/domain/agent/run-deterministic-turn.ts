import { detectMessageLanguage } from '../i18n/detect-message-language';
import type { Locale } from '../i18n/locales';
import { exampleOrderName } from '../orders/order-name-format';
import type { AccessibleOrder, AgentDeps } from './agent-deps';
import { followUps, offered, type AgentTurn } from './agent-turn';
import { translator } from '../i18n/messages';
import { describeVerifyFailure } from '../verification/verify-failure-message';
import { composeOrderAnswer } from './compose-order-answer';
import { chatPhrases } from './chat-phrases';
import { composeHandoffReply, composePolicyReply, composeSmallTalkReply, continueHandoff } from './compose-side-replies';
import type { ConversationState } from './conversation-state';
import { detectIntent, type Intent } from './detect-intent';
import { extractEmail, extractOrderReference } from './extract-details';
import { cardAlreadyShown, orderCard, orderChoicesCard, quickReplies, rememberShownCard } from './order-cards';

type Reply = Omit<AgentTurn, 'engine'>;

/**
 * Reads a shopper message into intent + details and folds the details into the conversation's memory. A
 * message clearly written in another language the shop offers switches the conversation to it.
 */
export function readShopperMessage(state: ConversationState, text: string, offeredLocales?: readonly Locale[]): { intent: Intent; state: ConversationState } {
  const written = detectMessageLanguage(text);
  const locale = written && (!offeredLocales || offeredLocales.includes(written)) ? written : state.locale;
  const email = extractEmail(text);
  const reference = extractOrderReference(text);
  let intent = detectIntent(text);
  // "jane@x.com" or "#1042" alone continues whatever was asked before.
  if ((email || reference) && (intent === 'out_of_scope' || intent === 'greeting' || intent === 'thanks')) {
    intent = state.pendingIntent ?? 'where_is_my_order';
  }
  // "my other order is #1290" names the order: look it up rather than list.
  if (reference && intent === 'other_orders') intent = 'where_is_my_order';
  return {
    intent,
    state: { ...state, locale, pendingEmail: email ?? state.pendingEmail, pendingReference: reference ?? state.pendingReference },
  };
}

/**
 * The answer to a question about one order. The card carries the facts and is shown again only when something
 * changed since it was last shown; the bubble answers the question asked and does not repeat the card's sentence.
 */
export function answer(deps: AgentDeps, state: ConversationState, order: AccessibleOrder, intent: Intent, opener = ''): Reply {
  const question = intent === 'tracking' || intent === 'eta' || intent === 'contents' ? intent : 'where_is_my_order';
  const card = orderCard(order, deps.now(), deps.shop.timeZone, state.locale);
  const view = card.type === 'order' ? card.order : order.record.view;
  const say = chatPhrases(state.locale);
  const showCard = !cardAlreadyShown(state, order);
  let text = composeOrderAnswer(view, question, state.locale);
  if (showCard)
    text = question === 'where_is_my_order' ? say.orderShown(view.orderName) : text.replace(view.message, '').trim() || say.orderShown(view.orderName);
  const suggestions = quickReplies(...offered(deps, followUps(state.locale), state.locale));
  const cards = showCard ? [card, suggestions] : [suggestions];
  return {
    text: `${opener}${text}`,
    cards,
    intent,
    state: { ...rememberShownCard(state, order), activeOrderId: order.record.orderId, pendingIntent: null },
  };
}

function ask(state: ConversationState, intent: Intent, text: string): Reply {
  return { text, cards: [], intent, state: { ...state, pendingIntent: intent } };
}

/**
 * Answers a question about an order. Access is never decided here: an order is shown only when
 * deps.getOrder (grants) or deps.verify (verifyOrder with its limits) returns it.
 */
async function answerOrderQuestion(deps: AgentDeps, state: ConversationState, intent: Intent): Promise<Reply> {
  const { pendingReference: reference, pendingEmail: email } = state;
  const t = translator(state.locale, 'chat');
  if (reference) {
    const known = await deps.getOrder(reference);
    if (known.ok) return answer(deps, { ...state, pendingReference: null, pendingEmail: null }, known, state.pendingIntent ?? intent);
    if (!email) return ask(state, state.pendingIntent ?? intent, t('ask.emailFor', { order: reference }));
    const outcome = await deps.verify(reference, email);
    const cleared = { ...state, pendingReference: null, pendingEmail: null };
    if (outcome.ok) return answer(deps, cleared, outcome, state.pendingIntent ?? intent, t('found'));
    // The failure is worded here, in the conversation's language, from the reason alone: one message per reason.
    const failure = describeVerifyFailure(outcome, state.locale);
    if (outcome.reason === 'unavailable') return { text: failure, cards: [], intent, state };
    return { text: failure, cards: [], intent, state: { ...cleared, pendingIntent: state.pendingIntent ?? intent } };
  }
  if (state.activeOrderId) {
    const active = await deps.getOrder(state.activeOrderId);
    if (active.ok) return answer(deps, state, active, intent);
    if (active.reason === 'unavailable') return { text: t('busy'), cards: [], intent, state };
    state = { ...state, activeOrderId: null };
  }
  const orders = await deps.listOrders();
  if (orders.length === 1) return answer(deps, state, orders[0]!, intent);
  if (orders.length > 1) {
    return { text: t('ask.whichOrder'), cards: [orderChoicesCard(orders, state.locale)], intent, state: { ...state, pendingIntent: intent } };
  }
  if (email) return ask(state, intent, t('ask.number', { example: deps.shop.orderExample ?? exampleOrderName() }));
  return ask(state, intent, t('ask.both'));
}

/**
 * "Show me all my orders": the same magic link as the tracking page (same limits, same answer whether or not
 * the email has orders). Orders this conversation already reaches are offered as choices meanwhile.
 */
async function answerOtherOrders(deps: AgentDeps, state: ConversationState): Promise<Reply> {
  if (state.pendingEmail) {
    const sent = await deps.requestMagicLink(state.pendingEmail, state.locale);
    const text = state.locale === 'en' ? sent.message : chatPhrases(state.locale).magicLinkAnswer(sent.status, deps.shop.name);
    return { text, cards: [], intent: 'other_orders', state: { ...state, pendingEmail: null, pendingIntent: null } };
  }
  const orders = await deps.listOrders();
  return {
    text: chatPhrases(state.locale).magicLinkAskEmail(),
    cards: orders.length > 1 ? [orderChoicesCard(orders, state.locale)] : [],
    intent: 'other_orders',
    state: { ...state, pendingIntent: 'other_orders' },
  };
}

/**
 * The deterministic conversation engine (the default back end, and the fallback when the model fails):
 * reads one shopper message, keeps partial details across turns in any order, and answers from data.
 */
export async function runDeterministicTurn(deps: AgentDeps, previous: ConversationState, text: string): Promise<Reply> {
  const { intent, state } = readShopperMessage(previous, text, deps.shop.locales);
  if (state.handoffStep) {
    const continued = await continueHandoff(deps, state, intent, text);
    if (continued) return continued;
  }
  switch (intent) {
    case 'human':
      return composeHandoffReply(deps, state, 'The shopper asked for a person.');
    case 'cancel':
    case 'return':
    case 'change_address':
      return composePolicyReply(deps, state, intent);
    case 'other_orders':
      return answerOtherOrders(deps, state);
    case 'thanks':
    case 'greeting':
    case 'out_of_scope':
      return composeSmallTalkReply(deps, state, intent);
    default:
      return answerOrderQuestion(deps, state, intent);
  }
}
