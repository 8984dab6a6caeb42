import type { AgentDeps } from './agent-deps';
import type { AgentTurn } from './agent-turn';
import { START_OPTIONS } from './agent-turn';
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
    text = `I can't cancel orders myself.${note} ${capitalize(team)} can check whether it can still be cancelled. Shall I pass this on to them?`;
  } else if (intent === 'return') {
    const policy = deps.shop.returnPolicy
      ? `Here is ${deps.shop.name}'s return policy: ${deps.shop.returnPolicy}`
      : `${deps.shop.name} handles returns and refunds directly, and the team will tell you the options for your order.`;
    text = `I can't start a return or refund myself. ${policy} Would you like me to pass this on to a person?`;
  } else {
    const note = view && shipped ? ` Order ${view.orderName} is already with the carrier; the tracking link may let you choose delivery options.` : '';
    text = `I can't change a delivery address myself.${note} ${capitalize(team)} can update it if the order hasn't shipped yet. Shall I pass this on to them?`;
  }
  return { text, cards: [quickReplies('Talk to a person', 'Where is my order?')], intent, state };
}

/** Records the hand-off (once per conversation) and tells the shopper what happens next and when. */
export async function composeHandoffReply(deps: AgentDeps, state: ConversationState, reason: string): Promise<Reply> {
  if (state.handoffReference) {
    const text = `I've already passed this conversation to the ${deps.shop.name} team (reference ${state.handoffReference}). They'll get back to you ${deps.shop.handoffEta}.`;
    return { text, cards: [{ type: 'handoff', reference: state.handoffReference, message: text }], intent: 'human', state };
  }
  const handoff = await deps.requestHuman(reason);
  const contact = state.activeOrderId ? 'at the email address on your order' : 'by email; if you have an order number, add it here so they can find you faster';
  const text = `I've passed this conversation to the ${deps.shop.name} team (reference ${handoff.reference}). A person will get back to you ${contact}, ${deps.shop.handoffEta}. You can keep asking me about your order in the meantime.`;
  return {
    text,
    cards: [{ type: 'handoff', reference: handoff.reference, message: `The ${deps.shop.name} team will reply ${deps.shop.handoffEta}.` }],
    intent: 'human',
    state: { ...state, handoffReference: handoff.reference },
  };
}

/** Greeting, thanks and anything outside orders. */
export function composeSmallTalkReply(deps: AgentDeps, state: ConversationState, intent: Intent): Reply {
  if (intent === 'thanks') {
    return { text: "You're welcome! Anything else I can help you with?", cards: [quickReplies(...START_OPTIONS)], intent, state };
  }
  if (intent === 'greeting') {
    const text = state.activeOrderId
      ? 'Hi again! Ask me anything about your order: where it is, tracking, or when it will arrive.'
      : "Hi! I can check on your order. What's your order number and the email address you used?";
    return { text, cards: [], intent, state };
  }
  return {
    text: `I can help with your ${deps.shop.name} orders: where an order is, tracking, delivery dates and what's in it. For anything else, I can pass you to a person.`,
    cards: [quickReplies(...START_OPTIONS)],
    intent: 'out_of_scope',
    state,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
