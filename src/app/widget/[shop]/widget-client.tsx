'use client';

import { useCallback, useEffect, useRef } from 'react';
import { ChatWindow } from '@/components/chat/chat-window';
import { useChat } from '@/components/chat/use-chat';
import { conversationFromFragment, useParentFrame } from '@/components/chat/use-parent-frame';
import type { BrandTheme } from '@/domain/widget/brand-theme';

type Props = { shop: string; theme: BrandTheme; allowedOrigins: string[]; proxyQuery: Record<string, string> | undefined };

/** The iframe's client half: the conversation plus the postMessage link to the storefront loader. */
export function WidgetClient({ shop, theme, allowedOrigins, proxyQuery }: Props) {
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
    ...(proxyQuery ? { shop, door: 'app_proxy' as const, proxyQuery } : { shop, door: 'widget' as const }),
    resumeId: typeof window === 'undefined' ? null : conversationFromFragment(window.location.hash),
    onConversation: frame.rememberConversation,
  });
  useEffect(() => {
    if (chat.status === 'ready' && wantsFocus.current) focusInput();
  }, [chat.status, focusInput]);
  return <ChatWindow theme={theme} chat={chat} inputRef={inputRef} onClose={frame.embedded ? frame.close : undefined} />;
}
