import { maskEmail } from '../verification/normalize-email';
import type { AgentDeps, HandoffRequest } from './agent-deps';
import { chatPhrases } from './chat-phrases';
import { translator } from '../i18n/messages';
import type { ChatCard } from './chat-message';
import { extractEmail, redactEmails } from './extract-details';
import type { AgentTurn } from './agent-turn';
import { offered, startOptions } from './agent-turn';
import { quickReplies } from './order-cards';
import type { ConversationState } from './conversation-state';
import type { Intent } from './detect-intent';

type Reply = Omit<AgentTurn, 'engine'>;

const SHIPPED = new Set([
  'shipped',
  'in_transit',
  'out_for_delivery',
  'attempted_delivery',
  'ready_for_pickup',
  'partially_delivered',
  'delivered',
  'delivery_problem',
  'partially_shipped',
]);

/**
 * Cancel / return / change of address: the agent cannot act on orders, so it says what the shop's policy is
 * and offers a person. It never claims to have done anything.
 */
export async function composePolicyReply(deps: AgentDeps, state: ConversationState, intent: 'cancel' | 'return' | 'change_address'): Promise<Reply> {
  const t = translator(state.locale, 'chat');
  const say = chatPhrases(state.locale);
  const shop = deps.shop.name;
  const active = state.activeOrderId ? await deps.getOrder(state.activeOrderId) : null;
  const view = active?.ok ? active.record.view : null;
  const shipped = view ? SHIPPED.has(view.status) : false;
  let text: string;
  if (intent === 'cancel') {
    const note =
      view && shipped
        ? t('policy.cancelShipped', { order: view.orderName })
        : view?.status === 'cancelled'
          ? t('policy.cancelDone', { order: view.orderName })
          : '';
    text = t('policy.cancel', { note, shop });
  } else if (intent === 'return') {
    text = deps.shop.returnPolicy ? t('policy.returnPolicy', { shop, policy: deps.shop.returnPolicy }) : t('policy.returnNoPolicy', { shop });
  } else {
    const note = view && shipped ? t('policy.addressShipped', { order: view.orderName }) : '';
    text = t('policy.address', { note, shop });
  }
  const whereIsMyOrder = t('quickReply.whereIsMyOrder');
  // Japanese runs sentences together; every other language separates them with a space.
  const gap = state.locale === 'ja' ? '' : ' ';
  if (!deps.shop.handoffAvailable) return { text: `${text}${gap}${say.policyContactShop(shop)}`, cards: [quickReplies(whereIsMyOrder)], intent, state };
  return { text: `${text}${gap}${say.policyOfferPerson()}`, cards: [quickReplies(t('quickReply.human'), whereIsMyOrder)], intent, state };
}

const handoffCard = (deps: AgentDeps, state: ConversationState, reference: string): ChatCard => ({
  type: 'handoff',
  reference,
  message: chatPhrases(state.locale).handoffCard(deps.shop.name, deps.shop.handoffEta),
});

/** Mails the hand-off and words the outcome; a mail that could not go out is said honestly, and may be retried. */
async function sendHandoff(
  deps: AgentDeps,
  state: ConversationState,
  request: Omit<HandoffRequest, 'locale'>,
  sentText: (reference: string) => string,
): Promise<Reply> {
  const handoff = await deps.requestHuman({ ...request, locale: state.locale });
  const cleared = { ...state, handoffStep: null, pendingIntent: null };
  if (!handoff.emailed)
    return {
      text: chatPhrases(state.locale).handoffNotSent(deps.shop.name),
      cards: [quickReplies(...offered(deps, startOptions(state.locale), state.locale))],
      intent: 'human',
      state: cleared,
    };
  return {
    text: sentText(handoff.reference),
    cards: [handoffCard(deps, state, handoff.reference)],
    intent: 'human',
    state: { ...cleared, pendingEmail: request.contactEmail ? null : cleared.pendingEmail, handoffReference: handoff.reference },
  };
}

/**
 * "Talk to a person". Nothing is promised before it can be kept: with no support address the shopper hears
 * what the chat can do instead; a verified order is handed off at once (the order and transcript go along, the
 * team replies to the order's email); anyone else is first asked where to reply and what the question is.
 */
export async function composeHandoffReply(deps: AgentDeps, state: ConversationState, reason: string): Promise<Reply> {
  const { name, handoffEta } = deps.shop;
  const say = chatPhrases(state.locale);
  if (state.handoffReference) {
    const text = say.handoffAlreadySent(name, state.handoffReference, handoffEta);
    return { text, cards: [handoffCard(deps, state, state.handoffReference)], intent: 'human', state };
  }
  if (!deps.shop.handoffAvailable) {
    return {
      text: say.handoffUnavailable(name),
      cards: [quickReplies(translator(state.locale, 'chat')('quickReply.whereIsMyOrder'))],
      intent: 'human',
      state: { ...state, handoffStep: null },
    };
  }
  const active = state.activeOrderId ? await deps.getOrder(state.activeOrderId) : null;
  if (active?.ok) {
    const orderName = active.record.orderName;
    return sendHandoff(deps, state, { reason, contactEmail: null, orderId: active.record.orderId }, (reference) =>
      say.handoffSentWithOrder(name, reference, orderName, handoffEta),
    );
  }
  if (!state.pendingEmail) return { text: say.handoffAskEmail(name), cards: [], intent: 'human', state: { ...state, handoffStep: 'email' } };
  return {
    text: say.handoffAskQuestion(maskEmail(state.pendingEmail) ?? ''),
    cards: [],
    intent: 'human',
    state: { ...state, handoffStep: 'question' },
  };
}

/**
 * The next message of a hand-off that is collecting the reply address or the question. Null when the shopper
 * moved on (asked about an order instead): the turn is then answered as usual and the hand-off dropped.
 */
export async function continueHandoff(deps: AgentDeps, state: ConversationState, intent: Intent, text: string): Promise<Reply | null> {
  const { name, handoffEta } = deps.shop;
  const say = chatPhrases(state.locale);
  if (state.handoffStep === 'email') {
    const typed = extractEmail(text);
    if (typed) return { text: say.handoffAskQuestion(maskEmail(typed) ?? ''), cards: [], intent: 'human', state: { ...state, handoffStep: 'question' } };
    if (intent === 'human' || intent === 'out_of_scope' || intent === 'greeting') {
      return { text: say.handoffAskEmailAgain(), cards: [], intent: 'human', state };
    }
    return null;
  }
  if (state.handoffStep === 'question' && state.pendingEmail) {
    const contactEmail = state.pendingEmail;
    return sendHandoff(deps, state, { reason: redactEmails(text).slice(0, 1000), contactEmail, orderId: null }, (reference) =>
      say.handoffSentToEmail(name, reference, maskEmail(contactEmail) ?? '', handoffEta),
    );
  }
  return null;
}

/** Greeting, thanks and anything outside orders. */
export function composeSmallTalkReply(deps: AgentDeps, state: ConversationState, intent: Intent): Reply {
  const t = translator(state.locale, 'chat');
  const options = offered(deps, startOptions(state.locale), state.locale);
  if (intent === 'thanks') return { text: t('smallTalk.thanks'), cards: [quickReplies(...options)], intent, state };
  if (intent === 'greeting') return { text: t(state.activeOrderId ? 'smallTalk.greetingAgain' : 'smallTalk.greeting'), cards: [], intent, state };
  return {
    text: t('smallTalk.outOfScope', { shop: deps.shop.name }),
    cards: [quickReplies(...options)],
    intent: 'out_of_scope',
    state,
  };
}
