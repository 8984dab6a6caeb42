import type { ChatMessage } from '@/domain/agent/chat-message';

/**
 * The widget's wire to the chat API with plain `fetch`: no tRPC client, React Query or superjson in the
 * iframe bundle. tRPC's fetch adapter with the superjson transformer reads `{"json": input}` and answers
 * `{"result":{"data":{"json": output}}}`; our payloads are plain JSON (strings, arrays), so no `meta` is needed.
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
const OFFLINE_ERROR = "We couldn't reach the chat. Check your connection and try again.";
const KNOWN_CODES = new Set<ChatErrorCode>(['BAD_REQUEST', 'NOT_FOUND', 'TOO_MANY_REQUESTS']);
const STATUS_CODES: Record<number, ChatErrorCode> = { 400: 'BAD_REQUEST', 404: 'NOT_FOUND', 429: 'TOO_MANY_REQUESTS' };

type Envelope<T> = { result?: { data?: { json?: T } }; error?: { json?: { message?: string; data?: { code?: string } } } };

async function callProcedure<T>(path: string, input: unknown, method: 'GET' | 'POST'): Promise<T> {
  const body = JSON.stringify({ json: input });
  let response: Response;
  try {
    response =
      method === 'GET'
        ? await fetch(`/api/trpc/${path}?input=${encodeURIComponent(body)}`, { credentials: 'same-origin' })
        : await fetch(`/api/trpc/${path}`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body });
  } catch {
    throw new ChatApiError('NETWORK', OFFLINE_ERROR);
  }
  const envelope = (await response.json().catch(() => ({}))) as Envelope<T>;
  const data = envelope.result?.data?.json;
  if (response.ok && data !== undefined) return data;
  const code = envelope.error?.json?.data?.code as ChatErrorCode | undefined;
  const message = envelope.error?.json?.message;
  if (code && KNOWN_CODES.has(code)) throw new ChatApiError(code, message || GENERIC_ERROR);
  throw new ChatApiError('INTERNAL', GENERIC_ERROR);
}

export type StartInput = { shop: string; door?: 'widget' | 'app_proxy'; proxyQuery?: Record<string, string> };
type Messages = { messages: ChatMessage[] };

export const startChat = (input: StartInput) => callProcedure<Messages & { conversationId: string }>('chat.start', input, 'POST');
export const sendChat = (shop: string, conversationId: string, text: string) => callProcedure<Messages>('chat.send', { conversationId, text, shop }, 'POST');
export const loadHistory = (shop: string, conversationId: string) => callProcedure<Messages>('chat.history', { conversationId, shop }, 'GET');

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
export async function streamChat(shop: string, conversationId: string, text: string, handlers: StreamHandlers): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch('/api/chat/stream', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ conversationId, text, shop }),
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
