import type { AgentDeps, VerifyOutcome } from './agent-deps';
import { followUps, offered, type AgentTurn } from './agent-turn';
import { agentSystemPrompt, describeConversationFacts } from './agent-system-prompt';
import { buildAgentTools, type ToolContext } from './build-agent-tools';
import type { ChatCard } from './chat-message';
import type { ConversationState } from './conversation-state';
import { redactEmails } from './extract-details';
import type { ModelBackend, ModelMessage } from './model-backend';
import { quickReplies, withoutRepeatedCards } from './order-cards';
import { readShopperMessage, runDeterministicTurn } from './run-deterministic-turn';

export type ModelTurnInput = {
  state: ConversationState;
  /** Earlier messages as stored (emails masked), oldest first. */
  history: Array<{ role: 'shopper' | 'agent'; text: string }>;
  text: string;
  onDelta?: (text: string) => void;
  timeoutMs: number;
  onModelError?: (error: unknown) => void;
};

const MAX_ROUNDS = 4;
const MAX_CALLS_PER_ROUND = 3;
const HISTORY_TURNS = 20;

/** A verify that runs at most once per (reference, email) in one turn, so a fallback never spends a second attempt. */
function verifyOncePerTurn(deps: AgentDeps): AgentDeps {
  const seen = new Map<string, Promise<VerifyOutcome>>();
  return {
    ...deps,
    verify: (reference, email) => {
      const key = `${reference}\u0000${email}`;
      let outcome = seen.get(key);
      if (!outcome) seen.set(key, (outcome = deps.verify(reference, email)));
      return outcome;
    },
  };
}

function mergeCards(deps: AgentDeps, cards: ChatCard[], locale: ConversationState['locale']): ChatCard[] {
  // Latest card per order / kind wins; an order card gets the follow-up questions.
  const byKey = new Map<string, ChatCard>();
  for (const card of cards) byKey.set(card.type === 'order' ? `order:${card.order.orderId}` : card.type, card);
  const merged = [...byKey.values()];
  return merged.some((card) => card.type === 'order') ? [...merged, quickReplies(...offered(deps, followUps(locale), locale))] : merged;
}

/**
 * One turn through the language model with tool calling. The tools enforce access; the model only words
 * the reply. Any model failure or timeout hands the same turn (and state) to the deterministic engine.
 */
export async function runModelTurn(rawDeps: AgentDeps, backend: ModelBackend, input: ModelTurnInput): Promise<AgentTurn> {
  const deps = verifyOncePerTurn(rawDeps);
  const { intent, state } = readShopperMessage(input.state, input.text, deps.shop.locales);
  const context: ToolContext = { state, shopperText: input.text };
  const tools = buildAgentTools(deps, context);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('model timeout')), input.timeoutMs);
  const messages: ModelMessage[] = [
    { role: 'system', content: agentSystemPrompt(deps.shop.name, deps.shop.handoffEta, deps.shop.orderExample, state.locale) },
    ...input.history
      .slice(-HISTORY_TURNS)
      .map((m): ModelMessage => (m.role === 'shopper' ? { role: 'user', content: m.text } : { role: 'assistant', content: m.text })),
    { role: 'system', content: describeConversationFacts(state) },
    { role: 'user', content: input.text },
  ];
  const cards: ChatCard[] = [];
  try {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const completion = await backend.complete({ messages, tools: tools.definitions, signal: controller.signal, onDelta: input.onDelta });
      if (completion.toolCalls.length === 0) {
        const text = redactEmails(completion.text.trim());
        if (text === '') throw new Error('model returned no text');
        const shown = withoutRepeatedCards(context.state, mergeCards(deps, cards, context.state.locale));
        return { text, cards: shown.cards, intent, state: { ...shown.state, pendingIntent: null }, engine: 'model' };
      }
      const calls = completion.toolCalls.slice(0, MAX_CALLS_PER_ROUND);
      messages.push({ role: 'assistant', content: completion.text || null, toolCalls: calls });
      for (const call of calls) {
        if (controller.signal.aborted) throw controller.signal.reason;
        const result = await tools.execute(call.name, call.arguments);
        cards.push(...result.cards);
        messages.push({ role: 'tool', toolCallId: call.id, content: result.content });
      }
    }
    throw new Error('model did not finish within the tool-call budget');
  } catch (error) {
    input.onModelError?.(error);
    const fallback = await runDeterministicTurn(deps, context.state, input.text);
    return { ...fallback, engine: 'model_fallback' };
  } finally {
    clearTimeout(timer);
  }
}
