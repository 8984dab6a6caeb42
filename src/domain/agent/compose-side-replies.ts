import type { AgentDeps } from './agent-deps';
import type { AgentTurn } from './agent-turn';
import { startOptions } from './agent-turn';
import { translator } from '../i18n/messages';
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
  return { text, cards: [quickReplies(t('quickReply.human'), t('quickReply.whereIsMyOrder'))], intent, state };
}

/** Records the hand-off (once per conversation) and tells the shopper what happens next and when. */
export async function composeHandoffReply(deps: AgentDeps, state: ConversationState, reason: string): Promise<Reply> {
  const t = translator(state.locale, 'chat');
  const shop = deps.shop.name;
  const eta = t('handoff.eta');
  if (state.handoffReference) {
    const text = t('handoff.again', { shop, reference: state.handoffReference, eta });
    return { text, cards: [{ type: 'handoff', reference: state.handoffReference, message: text }], intent: 'human', state };
  }
  const handoff = await deps.requestHuman(reason);
  const text = t('handoff.done', { shop, reference: handoff.reference, contact: state.activeOrderId ? 'order' : 'other', eta });
  return {
    text,
    cards: [{ type: 'handoff', reference: handoff.reference, message: t('handoff.card', { shop, eta }) }],
    intent: 'human',
    state: { ...state, handoffReference: handoff.reference },
  };
}

/** Greeting, thanks and anything outside orders. */
export function composeSmallTalkReply(deps: AgentDeps, state: ConversationState, intent: Intent): Reply {
  const t = translator(state.locale, 'chat');
  if (intent === 'thanks') return { text: t('smallTalk.thanks'), cards: [quickReplies(...startOptions(state.locale))], intent, state };
  if (intent === 'greeting') return { text: t(state.activeOrderId ? 'smallTalk.greetingAgain' : 'smallTalk.greeting'), cards: [], intent, state };
  return {
    text: t('smallTalk.outOfScope', { shop: deps.shop.name }),
    cards: [quickReplies(...startOptions(state.locale))],
    intent: 'out_of_scope',
    state,
  };
}
