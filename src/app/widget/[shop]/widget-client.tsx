'use client';

import { useCallback, useEffect, useRef } from 'react';
import { ChatWindow } from '@/components/chat/chat-window';
import { useChat } from '@/components/chat/use-chat';
import { conversationFromFragment, useParentFrame } from '@/components/chat/use-parent-frame';
import type { CardIntl, ChatWords } from '@/components/chat/chat-words';
import type { Locale } from '@/domain/i18n/locales';
import type { BrandTheme } from '@/domain/widget/brand-theme';

type Props = {
  shop: string;
  theme: BrandTheme;
  allowedOrigins: string[];
  proxyQuery: Record<string, string> | undefined;
  /** The negotiated language of this frame, the shopper's own pick (`?lang=` or its cookie) if any, and the ones they may switch to. */
  locale: Locale;
  chosenLocale: Locale | null;
  locales: readonly Locale[];
  /** The chat's words and the cards' messages in that language, resolved on the server. */
  words: ChatWords;
  cardIntl: CardIntl;
};

/** The iframe's client half: the conversation plus the postMessage link to the storefront loader. */
export function WidgetClient({ shop, theme, allowedOrigins, proxyQuery, locale, chosenLocale, locales, words, cardIntl }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  // The loader says "open" when the shopper clicks the launcher; the field may still be disabled while the
  // conversation starts, so the wish is kept until it can be honoured.
  const wantsFocus = useRef(false);
  const focusInput = useCallback(() => {
    wantsFocus.current = true;
    if (inputRef.current && !inputRef.current.disabled) {
      inputRef.current.focus();
      wantsFocus.current = false;
    }
  }, []);
  const frame = useParentFrame(allowedOrigins, focusInput);
  const chat = useChat({
    ...(proxyQuery ? { shop, door: 'app_proxy' as const, proxyQuery, locale } : { shop, door: 'widget' as const, locale }),
    chosenLocale,
    resumeId: typeof window === 'undefined' ? null : conversationFromFragment(window.location.hash),
    onConversation: frame.rememberConversation,
  });
  useEffect(() => {
    if (chat.status === 'ready' && wantsFocus.current) focusInput();
  }, [chat.status, focusInput]);
  return (
    <ChatWindow
      theme={theme}
      chat={chat}
      inputRef={inputRef}
      onClose={frame.embedded ? frame.close : undefined}
      locales={locales}
      words={words}
      cardIntl={cardIntl}
    />
  );
}
