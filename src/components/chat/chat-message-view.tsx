import { useTranslations } from 'next-intl';
import type { ChatMessage } from '@/domain/agent/chat-message';
import { ChatCardView } from './chat-card-view';

type Props = { message: ChatMessage; agentName: string; latest: boolean; onChoose: (text: string) => void };

/** A bubble (shopper right, in the brand colour; agent left) followed by the agent's cards. */
export function ChatMessageView({ message, agentName, latest, onChoose }: Props) {
  const t = useTranslations('ui.chat');
  const mine = message.role === 'shopper';
  return (
    <div data-role={message.role} data-message-id={message.id} className={`flex flex-col gap-2 ${mine ? 'items-end' : 'items-start'}`}>
      {message.text && (
        <p
          className={`max-w-[85%] whitespace-pre-wrap break-words rounded-2xl px-3.5 py-2 text-[0.9375rem] leading-snug ${
            mine ? 'rounded-br-sm bg-[var(--brand)] text-[var(--on-brand)]' : 'rounded-bl-sm bg-slate-100 text-slate-900'
          }`}
        >
          <span className="sr-only">{mine ? t('you') : t('agent', { name: agentName })} </span>
          {message.text}
        </p>
      )}
      {message.cards.length > 0 && (
        <div className="w-full space-y-2">
          {message.cards.map((card, index) => (
            <ChatCardView key={`${message.id}-${index}`} card={card} interactive={latest} onChoose={onChoose} />
          ))}
        </div>
      )}
    </div>
  );
}
