import { maskEmail } from '../verification/normalize-email';
import type { AgentDeps, HandoffRequest } from './agent-deps';
import { CHAT_PHRASES } from './chat-phrases';
import type { ChatCard } from './chat-message';
import { extractEmail, redactEmails } from './extract-details';
import type { AgentTurn } from './agent-turn';
import { offered, START_OPTIONS } from './agent-turn';
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
  const team = `the ${deps.shop.name} team`;
  const active = state.activeOrderId ? await deps.getOrder(state.activeOrderId) : null;
  const view = active?.ok ? active.record.view : null;
  const shipped = view ? SHIPPED.has(view.status) : false;
  let text: string;
  if (intent === 'cancel') {
    const note =
      view && shipped
        ? ` Order ${view.orderName} has already shipped, so it may be too late to cancel it.`
        : view?.status === 'cancelled'
          ? ` Order ${view.orderName} is already cancelled.`
          : '';
    text = `I can't cancel orders myself.${note} ${capitalize(team)} can check whether it can still be cancelled.`;
  } else if (intent === 'return') {
    const policy = deps.shop.returnPolicy
      ? `Here is ${deps.shop.name}'s return policy: ${deps.shop.returnPolicy}`
      : `${deps.shop.name} handles returns and refunds directly, and the team will tell you the options for your order.`;
    text = `I can't start a return or refund myself. ${policy}`;
  } else {
    const note = view && shipped ? ` Order ${view.orderName} is already with the carrier; the tracking link may let you choose delivery options.` : '';
    text = `I can't change a delivery address myself.${note} ${capitalize(team)} can update it if the order hasn't shipped yet.`;
  }
  if (!deps.shop.handoffAvailable)
    return { text: `${text} ${CHAT_PHRASES.policyContactShop(deps.shop.name)}`, cards: [quickReplies('Where is my order?')], intent, state };
  return { text: `${text} ${CHAT_PHRASES.policyOfferPerson()}`, cards: [quickReplies('Talk to a person', 'Where is my order?')], intent, state };
}

const handoffCard = (deps: AgentDeps, reference: string): ChatCard => ({
  type: 'handoff',
  reference,
  message: CHAT_PHRASES.handoffCard(deps.shop.name, deps.shop.handoffEta),
});

/** Mails the hand-off and words the outcome; a mail that could not go out is said honestly, and may be retried. */
async function sendHandoff(deps: AgentDeps, state: ConversationState, request: HandoffRequest, sentText: (reference: string) => string): Promise<Reply> {
  const handoff = await deps.requestHuman(request);
  const cleared = { ...state, handoffStep: null, pendingIntent: null };
  if (!handoff.emailed)
    return { text: CHAT_PHRASES.handoffNotSent(deps.shop.name), cards: [quickReplies(...offered(deps, START_OPTIONS))], intent: 'human', state: cleared };
  return {
    text: sentText(handoff.reference),
    cards: [handoffCard(deps, handoff.reference)],
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
  if (state.handoffReference) {
    const text = CHAT_PHRASES.handoffAlreadySent(name, state.handoffReference, handoffEta);
    return { text, cards: [handoffCard(deps, state.handoffReference)], intent: 'human', state };
  }
  if (!deps.shop.handoffAvailable) {
    return {
      text: CHAT_PHRASES.handoffUnavailable(name),
      cards: [quickReplies('Where is my order?')],
      intent: 'human',
      state: { ...state, handoffStep: null },
    };
  }
  const active = state.activeOrderId ? await deps.getOrder(state.activeOrderId) : null;
  if (active?.ok) {
    const orderName = active.record.orderName;
    return sendHandoff(deps, state, { reason, contactEmail: null, orderId: active.record.orderId }, (reference) =>
      CHAT_PHRASES.handoffSentWithOrder(name, reference, orderName, handoffEta),
    );
  }
  if (!state.pendingEmail) return { text: CHAT_PHRASES.handoffAskEmail(name), cards: [], intent: 'human', state: { ...state, handoffStep: 'email' } };
  return {
    text: CHAT_PHRASES.handoffAskQuestion(maskEmail(state.pendingEmail) ?? ''),
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
  if (state.handoffStep === 'email') {
    const typed = extractEmail(text);
    if (typed)
      return { text: CHAT_PHRASES.handoffAskQuestion(maskEmail(typed) ?? ''), cards: [], intent: 'human', state: { ...state, handoffStep: 'question' } };
    if (intent === 'human' || intent === 'out_of_scope' || intent === 'greeting') {
      return { text: CHAT_PHRASES.handoffAskEmailAgain(), cards: [], intent: 'human', state };
    }
    return null;
  }
  if (state.handoffStep === 'question' && state.pendingEmail) {
    const contactEmail = state.pendingEmail;
    return sendHandoff(deps, state, { reason: redactEmails(text).slice(0, 1000), contactEmail, orderId: null }, (reference) =>
      CHAT_PHRASES.handoffSentToEmail(name, reference, maskEmail(contactEmail) ?? '', handoffEta),
    );
  }
  return null;
}

/** Greeting, thanks and anything outside orders. */
export function composeSmallTalkReply(deps: AgentDeps, state: ConversationState, intent: Intent): Reply {
  if (intent === 'thanks') {
    return { text: "You're welcome! Anything else I can help you with?", cards: [quickReplies(...offered(deps, START_OPTIONS))], intent, state };
  }
  if (intent === 'greeting') {
    const text = state.activeOrderId
      ? 'Hi again! Ask me anything about your order: where it is, tracking, or when it will arrive.'
      : "Hi! I can check on your order. What's your order number and the email address you used?";
    return { text, cards: [], intent, state };
  }
  return {
    text: `I can help with your ${deps.shop.name} orders: where an order is, tracking, delivery dates and what's in it. For anything else, I can pass you to a person.`,
    cards: [quickReplies(...offered(deps, START_OPTIONS))],
    intent: 'out_of_scope',
    state,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
