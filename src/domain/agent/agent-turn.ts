import type { ChatCard } from './chat-message';
import type { ConversationState } from './conversation-state';
import type { Intent } from './detect-intent';

/** One agent reply and the conversation state after it. */
export type AgentTurn = {
  text: string;
  cards: ChatCard[];
  intent: Intent;
  state: ConversationState;
  /** Which back end produced the words ('model_fallback': the model failed and the engine answered). */
  engine: 'deterministic' | 'model' | 'model_fallback';
};

export const FOLLOW_UPS = ['When will it arrive?', 'Tracking details', "What's in it?", 'Talk to a person'];
export const START_OPTIONS = ['Where is my order?', 'Talk to a person'];

/** Suggested replies without "Talk to a person" when the shop has no support address (nobody would answer). */
export const offered = (deps: { shop: { handoffAvailable: boolean } }, options: readonly string[]): string[] =>
  deps.shop.handoffAvailable ? [...options] : options.filter((option) => option !== 'Talk to a person');
