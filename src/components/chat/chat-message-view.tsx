import { lazy, Suspense } from 'react';
import type { ChatMessage } from '@/domain/agent/chat-message';
import type { CardIntl, ChatWords } from './chat-words';

/** The cards' chunk; ChatWindow starts loading it as soon as the chat is ready, so a card never waits for it. */
export const loadChatCards = () => import('./chat-cards');
const ChatCards = lazy(loadChatCards);

type Props = { message: ChatMessage; words: ChatWords; cardIntl: CardIntl; latest: boolean; onChoose: (text: string) => void };

/** A bubble (shopper right, in the brand colour; agent left) followed by the agent's cards. */
export function ChatMessageView({ message, words, cardIntl, latest, onChoose }: Props) {
  const mine = message.role === 'shopper';
  return (
    <div data-role={message.role} data-message-id={message.id} className={`flex flex-col gap-2 ${mine ? 'items-end' : 'items-start'}`}>
      {message.text && (
        <p
          className={`max-w-[85%] whitespace-pre-wrap break-words rounded-2xl px-3.5 py-2 text-[0.9375rem] leading-snug ${
            mine ? 'rounded-br-sm bg-[var(--brand)] text-[var(--on-brand)]' : 'rounded-bl-sm bg-slate-100 text-slate-900'
          }`}
        >
          <span className="sr-only">{mine ? words.you : words.agent} </span>
          {message.text}
        </p>
      )}
      {message.cards.length > 0 && (
        <div className="w-full space-y-2">
          <Suspense fallback={null}>
            <ChatCards cards={message.cards} messageId={message.id} interactive={latest} onChoose={onChoose} intl={cardIntl} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
