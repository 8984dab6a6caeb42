'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '@/domain/agent/chat-message';
import type { Locale } from '@/domain/i18n/locales';
import { ChatApiError, GENERIC_ERROR, loadHistory, sendChat, startChat, streamChat, type StartInput } from './chat-transport';

export type ChatState = {
  status: 'starting' | 'ready' | 'failed';
  messages: ChatMessage[];
  /** True from send until the reply is complete: drives the typing indicator. */
  pending: boolean;
  /** Text streamed so far for the reply being written. */
  draft: string;
  error: string | null;
};

const storageKey = (shop: string) => `osa:conversation:${shop}`;

// Storage can throw in a sandboxed or third-party context with storage blocked; the chat then lives per page.
function readStored(shop: string): string | null {
  try {
    return window.sessionStorage.getItem(storageKey(shop));
  } catch {
    return null;
  }
}
function writeStored(shop: string, id: string | null): void {
  try {
    if (id) window.sessionStorage.setItem(storageKey(shop), id);
    else window.sessionStorage.removeItem(storageKey(shop));
  } catch {
    // see readStored
  }
}

/** Adds messages, replacing same-id ones and the optimistic local echo once the server's copy arrives. */
function merge(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const hasServerShopper = incoming.some((message) => message.role === 'shopper');
  const kept = current.filter((message) => !(hasServerShopper && message.id.startsWith('local-')) && !incoming.some((m) => m.id === message.id));
  return [...kept, ...incoming];
}

const errorText = (error: unknown) => (error instanceof ChatApiError ? error.message : GENERIC_ERROR);

/**
 * One shopper's conversation with a shop: restores it after a reload (id from sessionStorage or from the
 * loader, then chat.history; an unknown id starts afresh), sends through the streaming route and falls back
 * to chat.send. The id alone opens nothing: the server also requires the browser's session cookie.
 */
export type UseChatOptions = StartInput & {
  /** A conversation id the storefront loader kept for us (the iframe's own storage is often blocked cross-site). */
  resumeId?: string | null;
  /** Called with each newly started conversation's id, so the loader can keep it across page loads. */
  onConversation?: (conversationId: string) => void;
  /** A language the shopper picked in the widget: sent with each message, so a resumed conversation answers in it. */
  chosenLocale?: Locale | null;
};

export function useChat(options: UseChatOptions) {
  const { resumeId = null, onConversation, chosenLocale = null, ...start } = options;
  const [state, setState] = useState<ChatState>({ status: 'starting', messages: [], pending: false, draft: '', error: null });
  const conversation = useRef<string | null>(null);
  const startRef = useRef(start);
  const resumeRef = useRef(resumeId);
  const notifyRef = useRef(onConversation);
  useEffect(() => {
    notifyRef.current = onConversation;
  }, [onConversation]);

  const begin = useCallback(async (): Promise<string> => {
    const started = await startChat(startRef.current);
    conversation.current = started.conversationId;
    writeStored(startRef.current.shop, started.conversationId);
    notifyRef.current?.(started.conversationId);
    setState((s) => ({ ...s, status: 'ready', messages: started.messages, error: null }));
    return started.conversationId;
  }, []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const { shop, proxyQuery } = startRef.current;
      const stored = proxyQuery ? null : (readStored(shop) ?? resumeRef.current);
      if (stored) {
        try {
          const history = await loadHistory(shop, stored);
          if (cancelled) return;
          conversation.current = stored;
          setState((s) => ({ ...s, status: 'ready', messages: history.messages }));
          return;
        } catch (error) {
          if (!(error instanceof ChatApiError && error.code === 'NOT_FOUND')) throw error;
          writeStored(shop, null);
        }
      }
      if (!cancelled) await begin();
    })().catch((error: unknown) => {
      if (!cancelled) setState((s) => ({ ...s, status: 'failed', error: errorText(error) }));
    });
    return () => {
      cancelled = true;
    };
  }, [begin]);

  const send = useCallback(
    async (raw: string): Promise<boolean> => {
      const text = raw.trim();
      const id = conversation.current;
      if (!text || !id) return false;
      const echo: ChatMessage = { id: `local-${Date.now()}`, role: 'shopper', text, cards: [], createdAt: new Date().toISOString() };
      setState((s) => ({ ...s, messages: [...s.messages, echo], pending: true, draft: '', error: null }));
      const receive = (messages: ChatMessage[]) => setState((s) => ({ ...s, messages: merge(s.messages, messages), draft: '' }));
      const { shop } = startRef.current;
      const locale = chosenLocale ?? undefined;
      const deliver = async (conversationId: string) => {
        const streamed = await streamChat(
          shop,
          conversationId,
          text,
          {
            onDelta: (delta) => setState((s) => ({ ...s, draft: s.draft + delta })),
            onMessage: (message) => receive([message]),
          },
          locale,
        );
        if (!streamed) receive((await sendChat(shop, conversationId, text, locale)).messages);
      };
      try {
        try {
          await deliver(id);
        } catch (error) {
          // The conversation expired or belongs to another browser session: start a new one, send once more.
          if (!(error instanceof ChatApiError && error.code === 'NOT_FOUND')) throw error;
          writeStored(shop, null);
          await deliver(await begin());
        }
        setState((s) => ({ ...s, pending: false, draft: '' }));
        return true;
      } catch (error) {
        setState((s) => ({ ...s, pending: false, draft: '', error: errorText(error) }));
        return false;
      }
    },
    [begin, chosenLocale],
  );

  return { ...state, send };
}
