import type { Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
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

/** Quick replies under an order answer, in the conversation's language. */
export const followUps = (locale: Locale): string[] => ['eta', 'tracking', 'contents', 'human'].map((key) => translator(locale, 'chat')(`quickReply.${key}`));
/** Quick replies before any order is known. */
export const startOptions = (locale: Locale): string[] => ['whereIsMyOrder', 'human'].map((key) => translator(locale, 'chat')(`quickReply.${key}`));

/** Suggested replies without "Talk to a person" when the shop has no support address (nobody would answer). */
export const offered = (deps: { shop: { handoffAvailable: boolean } }, options: readonly string[], locale: Locale = 'en'): string[] =>
  deps.shop.handoffAvailable ? [...options] : options.filter((option) => option !== translator(locale, 'chat')('quickReply.human'));
