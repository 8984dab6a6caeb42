import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownOrder } from '../../../demo-shop/seed/known-orders';
import { appRouter } from '@/server/api/root';
import { buildRequestContext } from '@/server/api/trpc';
import { DATABASE_UNAVAILABLE_MESSAGE } from '@/server/db/database-unavailable';
import { messages } from '@/server/db/schema';
import { createTestServices } from '../../../test/support/test-services';
import { startTcpRelay, type TcpRelay } from '../../../test/support/tcp-relay';
import { startDemoWorld, type DemoWorld } from '../../../test/support/demo-world';
import type { Services } from '@/server/services';

/**
 * PostgreSQL going away under a running app: shoppers get 503 with "we can't look that up right now" (no
 * 500, no stack, no upstream message), nothing is half-written, and the app recovers when it is back. The app
 * reaches PostgreSQL through a TCP relay this test opens and closes. PGlite runs inside the process and cannot
 * become unreachable, so this runs only against PostgreSQL (TEST_DATABASE_URL).
 */
const ACME = 'acme-outdoors.myshopify.com';

/** A shopper talking HTTP to the tRPC handler, cookies kept like a browser. */
function httpShopper(services: Services, clientAddress: string) {
  let cookie = '';
  return async (path: string, input: unknown) => {
    const headers = new Headers({ 'content-type': 'application/json', 'x-forwarded-for': clientAddress, ...(cookie ? { cookie } : {}) });
    const req = new Request(`http://localhost/api/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify({ json: input }) });
    const response = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req,
      router: appRouter,
      createContext: ({ resHeaders }) => buildRequestContext(services, { headers: req.headers, resHeaders }),
    });
    const session = response.headers.getSetCookie().find((c) => c.startsWith('osa_session='));
    if (session) cookie = session.split(';')[0]!;
    const text = await response.text();
    const body = JSON.parse(text) as {
      result?: { data?: { json?: Record<string, unknown> } };
      error?: { json?: { message?: string; data?: { code?: string } } };
    };
    return { status: response.status, text, retryAfter: response.headers.get('retry-after'), data: body.result?.data?.json, error: body.error?.json };
  };
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL unreachable while the app runs', () => {
  let world: DemoWorld;
  let owner: Services;
  let services: Services;
  let relay: TcpRelay;

  beforeAll(async () => {
    world = await startDemoWorld({ connect: [ACME] });
    owner = world.services;
    const direct = new URL(owner.env.DATABASE_URL!);
    relay = await startTcpRelay({ host: direct.hostname, port: Number(direct.port || 5432) });
    const relayed = new URL(direct);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(relay.port());
    services = await createTestServices({ DATABASE_URL: relayed.toString() }, { sharedWith: owner });
  });

  afterAll(async () => {
    await services?.close();
    await world?.close();
  });

  const storedMessages = async (conversationId: string) =>
    (await owner.db.select({ n: count() }).from(messages).where(eq(messages.conversationId, conversationId)))[0]!.n;

  it('answers 503 "we can\'t look that up right now", writes nothing, and recovers when the database is back', async () => {
    const order = knownOrder('acme.in_transit');
    const call = httpShopper(services, '198.51.100.90');
    const started = await call('chat.start', { shop: ACME, door: 'widget' });
    const conversationId = started.data?.conversationId as string;
    expect(started.status).toBe(200);
    const verified = await call('chat.send', { conversationId, text: `Where is ${order.name}? ${order.email}` });
    expect(verified.status).toBe(200);
    const before = await storedMessages(conversationId);
    const replies: Awaited<ReturnType<typeof call>>[] = [];

    await relay.cut();
    const attempts = [
      () => call('chat.send', { conversationId, text: 'when will it arrive?' }),
      () => call('chat.start', { shop: ACME, door: 'widget' }),
      () => call('orders.verify', { shop: ACME, orderReference: order.name, email: order.email, door: 'page' }),
    ];
    // Several rounds: the driver's reconnect backoff grows with every failed try and must not make shoppers wait.
    for (let round = 0; round < 10; round++) {
      for (const attempt of attempts) {
        const startedAt = Date.now();
        const reply = await attempt();
        expect(Date.now() - startedAt).toBeLessThan(2_000);
        replies.push(reply);
      }
    }
    for (const reply of replies) {
      expect(reply.status).toBe(503);
      expect(reply.retryAfter).toBe('30');
      expect(reply.error?.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
      expect(reply.error?.data?.code).toBe('SERVICE_UNAVAILABLE');
      expect(reply.text).not.toMatch(/\n\s+at |ECONNREFUSED|CONNECTION_|Failed query|select |insert /i);
    }
    expect(await storedMessages(conversationId)).toBe(before);

    await relay.restore();
    const restoredAt = Date.now();
    const recovered = await call('chat.send', { conversationId, text: 'when will it arrive?' });
    expect(Date.now() - restoredAt).toBeLessThan(2_000);
    expect(recovered.status).toBe(200);
    expect((recovered.data?.messages as { role: string }[])[0]?.role).toBe('agent');
    expect(await storedMessages(conversationId)).toBe(before + 2);
  }, 30_000);
});
