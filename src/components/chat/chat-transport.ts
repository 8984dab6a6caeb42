import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { ChatMessage } from '@/domain/agent/chat-message';
import type { Locale } from '@/domain/i18n/locales';
import type { AppRouter } from '@/server/api/root';

/**
 * The widget's wire to the chat API: tRPC's vanilla client (one request per call, input and output types
 * from AppRouter) for start/send/history, and plain `fetch` for the SSE route POST /api/chat/stream (a route
 * handler, not a tRPC subscription). The server's superjson is replaced here by its plain-JSON envelope
 * (`{"json": value}`, no `meta`): every chat payload is strings, numbers and arrays (dates are ISO strings),
 * and superjson would cost the iframe 3.4 KB gzip more, past its budget (scripts/check-budgets.ts). Measured
 * with `next build` + `tsx scripts/check-budgets.ts`, /widget/[shop] first-load JS gzip (own JS in brackets):
 * hand-written fetch 138.6 KB (6.4); tRPC client + superjson 146.5 KB (14.3: over the 12 KB own budget);
 * tRPC client + JSON envelope 143.1 KB (10.9).
 */
export type ChatErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'TOO_MANY_REQUESTS' | 'NETWORK' | 'INTERNAL';

export class ChatApiError extends Error {
  constructor(
    readonly code: ChatErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const GENERIC_ERROR = 'Something went wrong on our side. Please try again.';
export const OFFLINE_ERROR = "We couldn't reach the chat. Check your connection and try again.";
const KNOWN_CODES = new Set<ChatErrorCode>(['BAD_REQUEST', 'NOT_FOUND', 'TOO_MANY_REQUESTS']);
const STATUS_CODES: Record<number, ChatErrorCode> = { 400: 'BAD_REQUEST', 404: 'NOT_FOUND', 429: 'TOO_MANY_REQUESTS' };

const plainJson = { serialize: (value: unknown) => ({ json: value }), deserialize: (value: { json: unknown }) => value.json };
const client = createTRPCClient<AppRouter>({
  links: [
    httpLink({
      url: '/api/trpc',
      transformer: plainJson,
      // fetch rejects only when nothing came back (offline, DNS, CORS): tell the shopper to check the connection.
      fetch: (url, init) =>
        fetch(url, { ...init, credentials: 'same-origin' }).catch(() => {
          throw new ChatApiError('NETWORK', OFFLINE_ERROR);
        }),
    }),
  ],
});

async function callProcedure<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TRPCClientError && error.cause instanceof ChatApiError) throw error.cause;
    const code = (error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined) as ChatErrorCode | undefined;
    if (code && KNOWN_CODES.has(code)) throw new ChatApiError(code, (error as Error).message || GENERIC_ERROR);
    throw new ChatApiError('INTERNAL', GENERIC_ERROR);
  }
}

export type StartInput = { shop: string; door?: 'widget' | 'app_proxy'; proxyQuery?: Record<string, string>; locale?: Locale };
type Messages = { messages: ChatMessage[] };

export const startChat = (input: StartInput): Promise<Messages & { conversationId: string }> => callProcedure(() => client.chat.start.mutate(input));
export const sendChat = (shop: string, conversationId: string, text: string, locale?: Locale): Promise<Messages> =>
  callProcedure(() => client.chat.send.mutate({ conversationId, text, shop, ...(locale ? { locale } : {}) }));
export const loadHistory = (shop: string, conversationId: string): Promise<Messages> =>
  callProcedure(() => client.chat.history.query({ conversationId, shop }));

/** Splits a text/event-stream buffer into complete events; returns them and what is left over. */
export function parseSseChunk(buffer: string): { events: { event: string; data: string }[]; rest: string } {
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const events = blocks.flatMap((block) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    return data.length > 0 ? [{ event, data: data.join('\n') }] : [];
  });
  return { events, rest };
}

export type StreamHandlers = { onDelta: (text: string) => void; onMessage: (message: ChatMessage) => void };

/**
 * Sends through POST /api/chat/stream and reports deltas and final messages as they arrive. Resolves
 * `false` when the stream route is not usable at all (nothing was sent), so the caller can fall back to
 * chat.send; throws ChatApiError when the server refused the message.
 */
export async function streamChat(shop: string, conversationId: string, text: string, handlers: StreamHandlers, locale?: Locale): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch('/api/chat/stream', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ conversationId, text, shop, ...(locale ? { locale } : {}) }),
    });
  } catch {
    return false;
  }
  if (!response.body || !response.headers.get('content-type')?.includes('text/event-stream')) return false;
  if (!response.ok) {
    // Refused before the reply started (bad text, unknown conversation, rate limit): one `error` event.
    const { events } = parseSseChunk(`${await response.text()}\n\n`);
    const message = (JSON.parse(events[0]?.data ?? '{}') as { message?: string }).message || GENERIC_ERROR;
    throw new ChatApiError(STATUS_CODES[response.status] ?? 'INTERNAL', message);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    const { events, rest } = parseSseChunk(done ? `${buffer}\n\n` : buffer);
    buffer = rest;
    for (const { event, data } of events) {
      const payload = JSON.parse(data) as { text?: string; message?: string } & ChatMessage;
      if (event === 'delta' && typeof payload.text === 'string') handlers.onDelta(payload.text);
      else if (event === 'message') handlers.onMessage(payload);
      else if (event === 'error') throw new ChatApiError('INTERNAL', payload.message || GENERIC_ERROR);
      else if (event === 'done') return true;
    }
    if (done) return true;
  }
}
