'use client';

import { useCallback, useEffect, useRef, type CSSProperties, type Ref } from 'react';
import { LanguageSwitcher } from '@/components/i18n/language-switcher';
import type { ChatMessage } from '@/domain/agent/chat-message';
import type { Locale } from '@/domain/i18n/locales';
import type { BrandTheme } from '@/domain/widget/brand-theme';
import { ChatComposer } from './chat-composer';
import { GENERIC_ERROR, OFFLINE_ERROR } from './chat-transport';
import { ChatMessageView, loadChatCards } from './chat-message-view';
import type { CardIntl, ChatWords } from './chat-words';
import { fillSlots } from '@/components/i18n/slots';
import { TypingIndicator } from './typing-indicator';
import type { ChatState } from './use-chat';

/** What the live region says for an agent message: its text and, for an order card, the order and its status. */
function announce(message: ChatMessage, words: ChatWords): string {
  const cards = message.cards.flatMap((card) =>
    card.type === 'order' ? [fillSlots(words.announceOrder, { name: card.order.orderName, headline: card.order.headline })] : [],
  );
  return [`${words.agent} ${message.text}`, ...cards].join(' ');
}

type Props = {
  theme: BrandTheme;
  chat: ChatState & { send: (text: string) => Promise<boolean> };
  /** Shown only inside the storefront iframe: asks the loader to close the panel. */
  onClose?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  /** The languages the shopper may switch to (the shop's published ones we speak). */
  locales?: readonly Locale[];
  /** The chat's words and the cards' language, resolved on the server. */
  words: ChatWords;
  cardIntl: CardIntl;
};

/** The whole chat surface: branded header, the conversation log, typing indicator, errors and the composer. */
export function ChatWindow({ theme, chat, onClose, inputRef, locales = [], words, cardIntl }: Props) {
  const logRef = useRef<HTMLDivElement>(null);
  const draftRef = useRef<HTMLParagraphElement>(null);
  const lastAgentIndex = chat.messages.findLastIndex((message) => message.role === 'agent');
  const lastAgent = lastAgentIndex >= 0 ? chat.messages[lastAgentIndex] : undefined;
  const latestId = chat.messages.at(-1)?.id;

  // A new reply is shown from its first line (a long answer's start must not scroll away); while the shopper
  // waits, their own message and the reply being written stay in view.
  useEffect(() => {
    const log = logRef.current;
    if (!log) return;
    const replyStart = (element: HTMLElement | null | undefined) => (element ? element.offsetTop - 12 : log.scrollHeight);
    if (chat.pending) {
      log.scrollTop = Math.min(log.scrollHeight, replyStart(draftRef.current));
      return;
    }
    const last = chat.messages.at(-1);
    const reply = last?.role === 'agent' ? log.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(last.id)}"]`) : null;
    log.scrollTop = reply ? replyStart(reply) : log.scrollHeight;
  }, [latestId, chat.messages, chat.pending, chat.draft]);

  // The first card comes after verification: its code is fetched while the shopper types, not when it arrives.
  const ready = chat.status === 'ready';
  useEffect(() => {
    if (ready) void loadChatCards();
  }, [ready]);

  const send = chat.send;
  const chooseAndKeepFocus = useCallback(
    (text: string) => {
      // The chosen button disappears with the reply; focus goes back to the composer, not to the page body.
      logRef.current?.parentElement?.querySelector<HTMLInputElement>('#chat-message')?.focus();
      void send(text);
    },
    [send],
  );

  const style = { '--brand': theme.color, '--on-brand': theme.onColor } as CSSProperties;
  return (
    <div style={style} className="flex h-dvh flex-col bg-white text-slate-900">
      <header className="flex items-center gap-3 bg-[var(--brand)] px-4 py-3 text-[var(--on-brand)]">
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-base font-bold">{theme.name}</h1>
          <p className="text-sm">{words.subtitle}</p>
        </div>
        <LanguageSwitcher locales={locales} id="chat-language" current={cardIntl.locale} labels={words.language} />
        {onClose && (
          <button
            type="button"
            onClick={onClose}
            aria-label={words.close}
            className="grid h-11 w-11 place-items-center rounded-full border-2 border-current focus-visible:outline-[var(--on-brand)]"
          >
            <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" width="18" height="18" fill="currentColor">
              <path d="M4.3 4.3a1 1 0 0 1 1.4 0L10 8.6l4.3-4.3a1 1 0 1 1 1.4 1.4L11.4 10l4.3 4.3a1 1 0 0 1-1.4 1.4L10 11.4l-4.3 4.3a1 1 0 0 1-1.4-1.4L8.6 10 4.3 5.7a1 1 0 0 1 0-1.4z" />
            </svg>
          </button>
        )}
      </header>
      {/* The log itself is not live: a screen reader would read it all again. Only the newest agent message is announced. */}
      <p aria-live="polite" aria-atomic="true" className="sr-only">
        {lastAgent && chat.status === 'ready' ? announce(lastAgent, words) : ''}
      </p>
      <div
        ref={logRef}
        role="log"
        aria-live="off"
        aria-label={words.log}
        aria-busy={chat.status === 'starting'}
        // Focusable so a keyboard user can scroll a long conversation that has no link or button in view (axe scrollable-region-focusable).
        tabIndex={0}
        className="relative flex-1 space-y-3 overflow-y-auto overscroll-contain px-3 py-4"
      >
        {chat.status === 'starting' && <p className="text-sm text-slate-700">{words.connecting}</p>}
        {chat.messages.map((message, index) => (
          <ChatMessageView
            key={message.id}
            message={message}
            words={words}
            cardIntl={cardIntl}
            latest={index === lastAgentIndex && !chat.pending}
            onChoose={chooseAndKeepFocus}
          />
        ))}
        {chat.pending && chat.draft && (
          // The live region announces the final message; the growing draft is for sighted readers only.
          <p
            ref={draftRef}
            aria-hidden="true"
            className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-bl-sm bg-slate-100 px-3.5 py-2 text-[0.9375rem]"
          >
            {chat.draft}
          </p>
        )}
      </div>
      {chat.pending && (
        <div className="px-3 pb-2">
          <TypingIndicator label={words.typing} />
        </div>
      )}
      {chat.error && (
        <p role="alert" className="mx-3 mb-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
          {chat.error === GENERIC_ERROR ? words.errorGeneric : chat.error === OFFLINE_ERROR ? words.errorOffline : chat.error}
        </p>
      )}
      <ChatComposer words={words} inputRef={inputRef} disabled={chat.status !== 'ready'} busy={chat.pending} onSend={chat.send} />
    </div>
  );
}
