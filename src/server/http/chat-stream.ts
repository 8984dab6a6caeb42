import { z } from 'zod';
import { CHAT_TEXT_ERROR } from '@/domain/agent/chat-message';
import { localeSchema, UNSUPPORTED_LOCALE_MESSAGE } from '@/domain/i18n/locale-schema';
import { toHttpError } from '../api/app-error-converter';
import { INTERNAL_MESSAGE } from '../app-error';
import type { Services } from '../services';
import { sendChatMessage, type ChatSender } from '../use-cases/chat/send-chat-message';
import { signInReader } from '../auth/shopper-sign-in';
import { headerCookieJar, shopperSession } from './shopper-session';

const bodySchema = z.object({
  conversationId: z.string().min(1).max(64),
  text: z.string(),
  shop: z.string().max(255).optional(),
  locale: localeSchema.optional(),
});

const encoder = new TextEncoder();
const frame = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' };

/** Who sends a streamed turn: the `osa_session` holder, the client address and the magic-link sign-in, read as every door reads them. */
export function readChatSender(services: Services, headers: Headers): ChatSender {
  return {
    holderHash: shopperSession(services, headerCookieJar(headers)).holderHash(),
    clientAddress: services.clientAddresses.read(headers),
    readSignedIn: signInReader(services, headers),
  };
}

/**
 * POST /api/chat/stream: the same turn as chat.send as server-sent events: `delta` (text as written),
 * `message` (the stored agent message, authoritative), `done` (`{ locale }`: the conversation's language now); or one
 * `error` with a safe message. Errors
 * found before the reply starts (validation, unknown conversation, rate limit) also set the HTTP status.
 */
export async function streamChat(services: Services, sender: ChatSender, rawBody: unknown, onError?: (error: unknown) => void): Promise<Response> {
  const body = bodySchema.safeParse(rawBody);
  if (!body.success) {
    const badLocale = body.error.issues.some((issue) => issue.path[0] === 'locale');
    return new Response(frame('error', { message: badLocale ? UNSUPPORTED_LOCALE_MESSAGE : CHAT_TEXT_ERROR }), { status: 400, headers: SSE_HEADERS });
  }

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
  let failure: ReturnType<typeof toHttpError> | null = null;

  void sendChatMessage(services, sender, body.data, (text) => {
    begin();
    controller.enqueue(frame('delta', { text }));
  })
    .then(({ messages, locale }) => {
      begin();
      for (const message of messages) controller.enqueue(frame('message', message));
      controller.enqueue(frame('done', { locale }));
      controller.close();
    })
    .catch((error: unknown) => {
      failure = toHttpError(error);
      if (failure.status >= 500) onError?.(error);
      if (!started) return resolveReady(false);
      controller.enqueue(frame('error', { message: failure.message }));
      controller.close();
    });

  if (await ready) return new Response(stream, { status: 200, headers: SSE_HEADERS });
  const { status, message, headers } = failure ?? { status: 500, message: INTERNAL_MESSAGE, headers: {} };
  return new Response(frame('error', { message }), { status, headers: { ...SSE_HEADERS, ...headers } });
}
