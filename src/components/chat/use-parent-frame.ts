'use client';

import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';

/**
 * The iframe's half of the loader protocol (public/widget.js). The parent origin comes from the URL fragment
 * the loader sets and is trusted only when the shop allows it (the same list as frame-ancestors) and, where the
 * browser tells us, it is really our parent. Messages are read only from that origin and window, and sent only to it.
 */
const TAG = 'osa-widget';

// A hand-written guard instead of a zod schema: zod's core would add ~15 KB gzipped to the iframe bundle.
export function isOpenMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { source?: unknown }).source === TAG && (data as { type?: unknown }).type === 'open';
}

export function resolveParentOrigin(hash: string, allowedOrigins: readonly string[], ancestorOrigin: string | null): string | null {
  const claimed = new URLSearchParams(hash.replace(/^#/, '')).get('origin');
  if (!claimed || !allowedOrigins.includes(claimed)) return null;
  if (ancestorOrigin !== null && ancestorOrigin !== claimed) return null;
  return claimed;
}

const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The conversation id the loader passed in the fragment (`#origin=…&conversation=…`), if well-formed. */
export function conversationFromFragment(hash: string): string | null {
  const id = new URLSearchParams(hash.replace(/^#/, '')).get('conversation');
  return id && CONVERSATION_ID.test(id) ? id : null;
}

const noSubscription = () => () => {};

export function useParentFrame(allowedOrigins: readonly string[], onOpen: () => void) {
  // Browser-only facts, read without a hydration mismatch: the server snapshot is "not embedded".
  const parentOrigin = useSyncExternalStore(
    noSubscription,
    () => (window.parent === window ? null : resolveParentOrigin(window.location.hash, allowedOrigins, window.location.ancestorOrigins?.[0] ?? null)),
    () => null,
  );
  const onOpenRef = useRef(onOpen);
  useEffect(() => {
    onOpenRef.current = onOpen;
  }, [onOpen]);

  useEffect(() => {
    if (!parentOrigin) return;
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== parentOrigin || event.source !== window.parent) return;
      if (isOpenMessage(event.data)) onOpenRef.current();
    };
    window.addEventListener('message', onMessage);
    window.parent.postMessage({ source: TAG, type: 'ready' }, parentOrigin);
    return () => window.removeEventListener('message', onMessage);
  }, [parentOrigin]);

  const close = useCallback(() => {
    if (parentOrigin) window.parent.postMessage({ source: TAG, type: 'close' }, parentOrigin);
  }, [parentOrigin]);

  useEffect(() => {
    if (!parentOrigin) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [parentOrigin, close]);

  // Cross-site iframes often get no storage at all, so the loader keeps the id in the storefront's sessionStorage.
  const rememberConversation = useCallback(
    (id: string) => {
      if (parentOrigin) window.parent.postMessage({ source: TAG, type: 'conversation', id }, parentOrigin);
    },
    [parentOrigin],
  );

  return { embedded: parentOrigin !== null, close, rememberConversation };
}
