import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { z } from 'zod';
import { CHAT_TEXT_ERROR } from '@/domain/agent/chat-message';
import { INTERNAL_MESSAGE, type RequestContext } from '../api/trpc';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../db/database-unavailable';
import { sendChat } from './send-chat';

const bodySchema = z.object({ conversationId: z.string().min(1).max(64), text: z.string(), shop: z.string().max(255).optional() });

const encoder = new TextEncoder();
const frame = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' };

function safeMessage(error: unknown): { status: number; message: string } {
  if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') return { status: getHTTPStatusCodeFromError(error), message: error.message };
  if (isDatabaseUnavailable(error)) return { status: 503, message: DATABASE_UNAVAILABLE_MESSAGE };
  return { status: 500, message: INTERNAL_MESSAGE };
}

/**
 * POST /api/chat/stream: the same turn as chat.send as server-sent events: `delta` (text as written),
 * `message` (the stored agent message, authoritative), `done`; or one `error` with a safe message. Errors
 * found before the reply starts (validation, unknown conversation, rate limit) also set the HTTP status.
 */
export async function streamChat(ctx: RequestContext, rawBody: unknown, onError?: (error: unknown) => void): Promise<Response> {
  const body = bodySchema.safeParse(rawBody);
  if (!body.success) return new Response(frame('error', { message: CHAT_TEXT_ERROR }), { status: 400, headers: SSE_HEADERS });

  let started = false;
  let resolveReady!: (ok: boolean) => void;
  const ready = new Promise<boolean>((resolve) => (resolveReady = resolve));
  const begin = () => {
    if (started) return;
    started = true;
    resolveReady(true);
  };
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  let failure: { status: number; message: string } | null = null;

  void sendChat(ctx, body.data, (text) => {
    begin();
    controller.enqueue(frame('delta', { text }));
  })
    .then(({ messages }) => {
      begin();
      for (const message of messages) controller.enqueue(frame('message', message));
      controller.enqueue(frame('done', {}));
      controller.close();
    })
    .catch((error: unknown) => {
      failure = safeMessage(error);
      if (failure.status >= 500) onError?.(error);
      if (!started) return resolveReady(false);
      controller.enqueue(frame('error', { message: failure.message }));
      controller.close();
    });

  if (await ready) return new Response(stream, { status: 200, headers: SSE_HEADERS });
  const { status, message } = failure ?? { status: 500, message: INTERNAL_MESSAGE };
  return new Response(frame('error', { message }), { status, headers: SSE_HEADERS });
}
