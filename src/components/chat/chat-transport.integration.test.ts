import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHAT_TEXT_ERROR } from '@/domain/agent/chat-message';
import { appRouter } from '@/server/api/root';
import { buildRequestContext } from '@/server/api/trpc';
import { startDemoWorld, type DemoWorld } from '../../../test/support/demo-world';
import { ChatApiError, GENERIC_ERROR, loadHistory, sendChat, startChat } from './chat-transport';

/**
 * The widget's transport against the real tRPC handler: `fetch` is the browser's, pointed at the route
 * handler in this process, with a cookie jar, so the envelope, the codes and the session cookie are the
 * server's own.
 */
const ACME = 'acme-outdoors.myshopify.com';
let world: DemoWorld;
let cookies = '';

function browserFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(new URL(String(input), 'http://localhost:3000'), init);
  request.headers.set('x-forwarded-for', '198.51.100.77');
  if (cookies) request.headers.set('cookie', cookies);
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: ({ resHeaders }) => buildRequestContext(world.services, { headers: request.headers, resHeaders }),
  }).then((response) => {
    const set = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
    if (set.length > 0) cookies = set.join('; ');
    return response;
  });
}

beforeAll(async () => {
  world = await startDemoWorld({ connect: [ACME] });
});

afterAll(() => world?.close());

afterEach(() => {
  vi.unstubAllGlobals();
});

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ChatApiError ? { code: error.code, message: error.message } : error),
  );

describe('chat transport over tRPC', () => {
  it('starts a conversation, sends a message and reloads the history with the session cookie', async () => {
    vi.stubGlobal('fetch', browserFetch);
    const started = await startChat({ shop: ACME, door: 'widget' });
    expect(started.conversationId).toMatch(/\S/);
    expect(started.messages).toHaveLength(1);
    expect(started.messages[0]).toMatchObject({ role: 'agent', cards: expect.any(Array) });

    const reply = await sendChat(ACME, started.conversationId, 'where is my order?');
    expect(reply.messages.map((message) => message.role)).toEqual(['agent']);

    const history = await loadHistory(ACME, started.conversationId);
    expect(history.messages.map((message) => message.role)).toEqual(['agent', 'shopper', 'agent']);
    expect(history.messages[0]).toEqual(started.messages[0]);
    expect(history.messages[1]!.text).toBe('where is my order?');
    expect(history.messages[2]).toEqual(reply.messages[0]);
  });

  it('passes the server code and message through for a refused message and an unknown conversation', async () => {
    vi.stubGlobal('fetch', browserFetch);
    const { conversationId } = await startChat({ shop: ACME, door: 'widget' });
    expect(await failureOf(sendChat(ACME, conversationId, '   '))).toEqual({ code: 'BAD_REQUEST', message: CHAT_TEXT_ERROR });
    expect(await failureOf(loadHistory(ACME, 'no-such-conversation'))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('tells "no connection" from "the server failed"', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await failureOf(startChat({ shop: ACME }))).toEqual({
      code: 'NETWORK',
      message: "We couldn't reach the chat. Check your connection and try again.",
    });

    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    expect(await failureOf(startChat({ shop: ACME }))).toEqual({ code: 'INTERNAL', message: GENERIC_ERROR });
  });
});
