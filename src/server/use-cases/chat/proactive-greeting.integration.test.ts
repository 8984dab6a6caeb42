import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { JANE_EMAIL, knownOrder } from '../../../../demo-shop/seed/known-orders';
import type { ChatMessage } from '@/domain/agent/chat-message';
import { createShopperClient } from '../../../../test/support/shopper-client';
import { startDemoWorld, type DemoWorld } from '../../../../test/support/demo-world';
import { conversations, grants, sessions, users } from '@/server/db/schema';
import { grantEmailAccess } from '@/server/auth/shopper-sign-in';
import { hashEmailFor } from '@/server/wiring/order-deps';
import type { Services } from '@/server/services';
import { queryProactiveAnswers } from '@/server/analytics/inquiry-summaries';
import { countGreetingOnlyOpens, listConversations } from '@/server/use-cases/dashboard/load-activity';

const ACME = 'acme-outdoors.myshopify.com';
const NORDIC = 'nordic-threads.myshopify.com';
const STANDARD_GREETING = /What's your order number, and the email address you used for the order\?$/;

let world: DemoWorld;
let services: Services;
let address = 0;
const shopper = () => createShopperClient(services, { clientAddress: `192.0.2.${(address += 1)}` });
type Client = ReturnType<typeof shopper>;

const open = (client: Client, shop = ACME) => client.call((api) => api.chat.start({ shop, door: 'widget' })).then((r) => ({ ...r, greeting: r.messages[0]! }));
const say = (client: Client, conversationId: string, text: string) => client.call((api) => api.chat.send({ conversationId, text })).then((r) => r.messages[0]!);
const orderNames = (message: ChatMessage) => message.cards.flatMap((card) => (card.type === 'order' ? [card.order.orderName] : []));

beforeAll(async () => {
  world = await startDemoWorld({ connect: [ACME, NORDIC] });
  services = world.services;
});

afterAll(() => world?.close());

describe('the proactive greeting', () => {
  const ofd = knownOrder('acme.out_for_delivery');

  it('leads a returning verified shopper with what is happening, in one sentence with the card', async () => {
    const client = shopper();
    const first = await open(client);
    expect(first.greeting.text).toMatch(STANDARD_GREETING);
    await say(client, first.conversationId, `${ofd.name} ${ofd.email}`);

    const again = await open(client);
    expect(again.greeting.text).toBe(`Order ${ofd.name} is out for delivery and should arrive today.`);
    expect(orderNames(again.greeting)).toEqual([ofd.name]);
    // The next question is answered without the same card again.
    const eta = await say(client, again.conversationId, 'when will it arrive?');
    expect(orderNames(eta)).toEqual([]);
    expect(eta.text).toMatch(/today/);
  });

  it('leads with a failed delivery attempt and what to do next', async () => {
    const attempted = knownOrder('acme.attempted_delivery');
    const client = shopper();
    const first = await open(client);
    await say(client, first.conversationId, `${attempted.name} ${attempted.email}`);
    const again = await open(client);
    expect(again.greeting.text).toMatch(new RegExp(`^The carrier tried to deliver order ${attempted.name} but couldn't; `));
    expect(orderNames(again.greeting)).toEqual([attempted.name]);
  });

  it('reveals nothing the grant does not cover: not the email’s other orders, not another shop, not after expiry, not without a grant', async () => {
    // Jane verified #1282 (in transit: no news). Her other orders are never read into the greeting.
    const jane = shopper();
    const first = await open(jane);
    await say(jane, first.conversationId, `#1282 ${JANE_EMAIL}`);
    const again = await open(jane);
    expect(again.greeting.text).toMatch(STANDARD_GREETING);
    expect(again.greeting.cards.filter((card) => card.type === 'order')).toEqual([]);

    // A grant for an order out for delivery in ACME says nothing in NORDIC.
    const olivia = shopper();
    const opened = await open(olivia);
    await say(olivia, opened.conversationId, `${ofd.name} ${ofd.email}`);
    const elsewhere = await open(olivia, NORDIC);
    expect(elsewhere.greeting.text).toMatch(STANDARD_GREETING);
    expect(orderNames(elsewhere.greeting)).toEqual([]);

    // Once the grant has expired, the same browser is a stranger again.
    const [conversation] = await services.db.select().from(conversations).where(eq(conversations.id, opened.conversationId));
    const expiredRows = await services.db
      .update(grants)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(grants.holderHash, conversation!.holderHash))
      .returning();
    expect(expiredRows.length).toBeGreaterThan(0);
    const expired = await open(olivia);
    expect(expired.greeting.text).toMatch(STANDARD_GREETING);
    expect(orderNames(expired.greeting)).toEqual([]);

    // A new browser has no grant at all.
    const stranger = await open(shopper());
    expect(stranger.greeting.text).toMatch(STANDARD_GREETING);
    expect(stranger.greeting.cards.filter((card) => card.type === 'order')).toEqual([]);
  });
});

describe('the proactive greeting for a browser signed in by magic link', () => {
  const ofd = knownOrder('acme.out_for_delivery');

  /** An Auth.js sign-in for `email` (the row the email callback creates), as the browser's cookie. */
  async function signIn(client: Client, email: string) {
    const [existing] = await services.db.select().from(users).where(eq(users.email, email));
    const userId = existing?.id ?? crypto.randomUUID();
    if (!existing) await services.db.insert(users).values({ id: userId, email, emailVerified: new Date() });
    const sessionToken = crypto.randomUUID();
    const expires = new Date(Date.now() + 3600_000);
    await services.db.insert(sessions).values({ sessionToken, userId, expires });
    client.cookies.set('authjs.session-token', sessionToken);
    return { email, emailHash: hashEmailFor(services)(email)!, expires, sessionToken };
  }

  /** What redeeming a magic link on the tracking page gives this browser: an email grant in ACME. */
  async function redeem(client: Client, shopper: Awaited<ReturnType<typeof signIn>>) {
    const opened = await open(client);
    const [conversation] = await services.db.select().from(conversations).where(eq(conversations.id, opened.conversationId));
    await grantEmailAccess(services, { holderHash: conversation!.holderHash, shopId: world.shops.get(ACME)!.id, shopper, now: new Date() });
  }

  it('leads with the news of the email’s orders, without asking for an order number', async () => {
    const client = shopper();
    await redeem(client, await signIn(client, ofd.email!));
    const again = await open(client);
    expect(again.greeting.text).toBe(`Order ${ofd.name} is out for delivery and should arrive today.`);
    expect(orderNames(again.greeting)).toEqual([ofd.name]);
    const followUp = await say(client, again.conversationId, 'tracking number?');
    expect(followUp.text).toContain(ofd.name);
  });

  it('says nothing once the browser is signed out, or when it is signed in as another email than the grant’s', async () => {
    const signedOut = shopper();
    await redeem(signedOut, await signIn(signedOut, ofd.email!));
    signedOut.cookies.delete('authjs.session-token');
    const afterSignOut = await open(signedOut);
    expect(afterSignOut.greeting.text).toMatch(STANDARD_GREETING);
    expect(orderNames(afterSignOut.greeting)).toEqual([]);

    // The grant is for the order's email; the browser's sign-in is someone else's: the grant reaches nothing.
    const mixed = shopper();
    const owner = await signIn(mixed, ofd.email!);
    await redeem(mixed, owner);
    await signIn(mixed, `someone-else-${crypto.randomUUID()}@example.com`);
    const other = await open(mixed);
    expect(other.greeting.text).toMatch(STANDARD_GREETING);
    expect(orderNames(other.greeting)).toEqual([]);
    const asked = await say(mixed, other.conversationId, 'where is my order?');
    expect(orderNames(asked)).toEqual([]);
  });

  it('stays in its shop: the same sign-in and grant say nothing in another shop', async () => {
    const client = shopper();
    await redeem(client, await signIn(client, ofd.email!));
    const elsewhere = await open(client, NORDIC);
    expect(elsewhere.greeting.text).toMatch(STANDARD_GREETING);
    expect(orderNames(elsewhere.greeting)).toEqual([]);
  });
});

describe('widget opens and the funnel', () => {
  it('keeps greeting-only openings out of the conversation list and counts them as opens; a proactive greeting is kept', async () => {
    const shop = world.shops.get(NORDIC)!;
    const today = new Date().toISOString().slice(0, 10);
    const range = { from: today, to: today, timeZone: 'UTC' };
    const before = { listed: (await listConversations(services, shop, range)).length, opens: await countGreetingOnlyOpens(services, shop, range) };

    const client = shopper();
    const idle = await open(client, NORDIC);
    const talked = await open(client, NORDIC);
    await say(client, talked.conversationId, 'where is my order?');

    const listed = await listConversations(services, shop, range);
    expect(listed.map((row) => row.id)).toContain(talked.conversationId);
    expect(listed.map((row) => row.id)).not.toContain(idle.conversationId);
    expect(listed.length).toBe(before.listed + 1);
    expect(await countGreetingOnlyOpens(services, shop, range)).toBe(before.opens + 1);

    const acme = world.shops.get(ACME)!;
    await services.analytics.flush();
    const funnelBefore = await queryProactiveAnswers(services.db, acme.id, range);
    const ofd = knownOrder('acme.out_for_delivery');
    const olivia = shopper();
    const first = await open(olivia);
    await say(olivia, first.conversationId, `${ofd.name} ${ofd.email}`);
    const proactiveOnly = await open(olivia);
    expect(proactiveOnly.greeting.text).toMatch(/out for delivery/);
    const proactiveThenAsked = await open(olivia);
    await say(olivia, proactiveThenAsked.conversationId, 'tracking number?');
    const acmeListed = (await listConversations(services, acme, range)).map((row) => row.id);
    expect(acmeListed).toContain(proactiveOnly.conversationId);

    await services.analytics.flush();
    const proactive = await queryProactiveAnswers(services.db, acme.id, range);
    expect(proactive).toEqual({
      proactiveAnswers: funnelBefore.proactiveAnswers + 2,
      answeredBeforeAsked: funnelBefore.answeredBeforeAsked + 1,
    });
  });
});
