'use client';

import { NextIntlClientProvider } from 'next-intl';
import type { ChatCard } from '@/domain/agent/chat-message';
import { ChatCardView } from './chat-card-view';
import type { CardIntl } from './chat-words';

type Props = { cards: ChatCard[]; messageId: string; interactive: boolean; onChoose: (text: string) => void; intl: CardIntl };

/**
 * An agent message's cards, in their own chunk (loaded with React.lazy by ChatMessageView and prefetched by
 * ChatWindow once the chat is ready): the card components and use-intl stay out of the iframe's first load.
 */
export default function ChatCards({ cards, messageId, interactive, onChoose, intl }: Props) {
  return (
    // Every date on a card is formatted in the shop's zone explicitly; UTC only silences use-intl's missing-zone warning.
    <NextIntlClientProvider locale={intl.locale} messages={intl.messages} timeZone="UTC">
      {cards.map((card, index) => (
        <ChatCardView key={`${messageId}-${index}`} card={card} interactive={interactive} onChoose={onChoose} />
      ))}
    </NextIntlClientProvider>
  );
}
