import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildAppProxyQuery } from '../../../../demo-shop/app-proxy';
import type { DemoShop } from '../../../../demo-shop/server';
import { knownOrder, JANE_EMAIL } from '../../../../demo-shop/seed/known-orders';
import { CHAT_TEXT_ERROR, chatMessageSchema, type ChatMessage } from '@/domain/agent/chat-message';
import { createTestServices } from '../../../../test/support/test-services';
import { connectDemoShops } from '../../../../test/support/connect-demo-shops';
import { createShopperClient } from '../../../../test/support/shopper-client';
import { auditEvents, conversations, handoffs, messages, outboxMessages, shops as shopsTable } from '@/server/db/schema';
import { startDemoWorld, type DemoWorld } from '../../../../test/support/demo-world';
import type { Services } from '@/server/services';
import { NOT_VERIFIED_MESSAGE } from '@/domain/verification/verify-failure-message';

const ACME = 'acme-outdoors.myshopify.com';
const NORDIC = 'nordic-threads.myshopify.com';

let demo: DemoShop;
let world: DemoWorld;
let services: Services;
let address = 0;
const shopper = () => createShopperClient(services, { clientAddress: `198.51.100.${(address += 1)}` });
const graphqlCalls = () => demo.requestLog.filter((entry) => entry.kind === 'graphql').length;

const ACME_SUPPORT = 'help@acme-outdoors.example';

beforeAll(async () => {
  world = await startDemoWorld();
  ({ demo, services } = world);
  const acme = world.shops.get(ACME)!;
  await services.db
    .update(shopsTable)
    .set({ settings: { ...acme.settings, supportEmail: ACME_SUPPORT } })
    .where(eq(shopsTable.domain, ACME));
});

afterAll(() => world?.close());

beforeEach(() => {
  demo.controls.clear();
  demo.clearLog();
});

async function open(client: ReturnType<typeof shopper>, shop = ACME) {
  return client.call((api) => api.chat.start({ shop, door: 'widget' }));
}
const say = (client: ReturnType<typeof shopper>, conversationId: string, text: string) =>
  client.call((api) => api.chat.send({ conversationId, text })).then((r) => r.messages[0]!);
const orderCards = (message: ChatMessage) => message.cards.flatMap((card) => (card.type === 'order' ? [card] : []));

describe('chat.start limit', () => {
  it('caps new conversations per client address per hour, not per browser, and says when to come back', async () => {
    const limited = await createTestServices({ CHAT_START_MAX_PER_CLIENT: '3' });
    try {
      await connectDemoShops(limited, demo);
      const browser = (address: string) => createShopperClient(limited, { clientAddress: address });
      for (let i = 0; i < 3; i++) await browser('203.0.113.9').call((api) => api.chat.start({ shop: ACME, door: 'widget' }));
      // A fresh browser (no cookie) on the same address, and another shop, are the same client.
      await expect(browser('203.0.113.9').call((api) => api.chat.start({ shop: NORDIC, door: 'widget' }))).rejects.toThrow(/try again in (60|59) minutes/);
      await browser('203.0.113.10').call((api) => api.chat.start({ shop: ACME, door: 'widget' }));
      expect(await limited.db.select().from(conversations)).toHaveLength(4);
    } finally {
      await limited.close();
    }
  });
});

describe('chat (deterministic engine)', () => {
  it('greets, then verifies from free text given across turns and answers follow-ups from the card data', async () => {
    const client = shopper();
    const order = knownOrder('acme.in_transit');
    const started = await open(client);
    expect(started.messages).toHaveLength(1);
    expect(started.messages[0]!.role).toBe('agent');
    expect(started.messages[0]!.text).toMatch(/order number/i);
    expect(client.cookies.get('osa_session')).toBeTruthy();

    const asked = await say(client, started.conversationId, 'hi where is my stuff??');
    expect(asked.text).toMatch(/order number/i);
    expect(orderCards(asked)).toHaveLength(0);

    const askedEmail = await say(client, started.conversationId, `it's order ${order.orderNumber}`);
    expect(askedEmail.text).toMatch(/email/i);

    const found = await say(client, started.conversationId, `  ${JANE_EMAIL.toUpperCase()} `);
    expect(chatMessageSchema.parse(found)).toEqual(found);
    const [card] = orderCards(found);
    expect(card?.order.orderName).toBe(order.name);
    expect(card?.order.status).toBe('in_transit');
    // The card carries the status sentence; the bubble does not say it twice.
    expect(found.text).toBe(`Thanks, I found your order. Here's the latest on order ${order.name}.`);
    expect(JSON.stringify(found)).not.toContain(JANE_EMAIL);

    demo.clearLog();
    const eta = await say(client, started.conversationId, 'when will it arrive?');
    // Nothing changed since the card above: the follow-up gets the answer, not the card again.
    expect(orderCards(eta)).toHaveLength(0);
    const shipment = card!.order.shipments[0]!;
    if (shipment.estimatedDelivery) expect(eta.text).toContain(shipment.estimatedDelivery.display);
    const tracking = await say(client, started.conversationId, 'tracking?');
    if (shipment.trackingNumber) expect(tracking.text).toContain(shipment.trackingNumber);
    const contents = await say(client, started.conversationId, "what's in it?");
    expect(contents.text).toContain(card!.order.items[0]!.title);
    expect(graphqlCalls()).toBe(0); // follow-ups are served from the warm cache

    const history = await client.call((api) => api.chat.history({ conversationId: started.conversationId }));
    expect(history.messages.map((m) => m.role)).toEqual(['agent', ...Array.from({ length: 6 }, () => ['shopper', 'agent']).flat()]);
    // The shopper's email is stored masked; the raw address is nowhere in the conversation tables.
    expect(history.messages[5]!.text).toBe('j***@example.com');
    const rows = await services.db.select().from(messages);
    const convo = await services.db.select().from(conversations);
    expect(JSON.stringify([rows, convo]).toLowerCase()).not.toContain(JANE_EMAIL);
  });

  it('understands everything in one noisy message', async () => {
    const client = shopper();
    const order = knownOrder('acme.out_for_delivery');
    const { conversationId } = await open(client);
    const reply = await say(client, conversationId, `hi its ${order.email}, order ${order.orderNumber} never came`);
    expect(orderCards(reply)[0]?.order.orderName).toBe(order.name);
    expect(orderCards(reply)[0]?.order.headline).toMatch(/out for delivery/i);
  });

  it.each([
    ['acme.apostrophe', (email: string) => `it\u2019s ${email.replace(/'/g, '\u2019')} order 1299`],
    ['tiny.apostrophe', (email: string) => `order 1059-EU, my email is '${email}'`],
    ['nordic.idn', () => 'NT-1198 anna@bücher.de'],
  ] as const)('verifies %s from a chat message (apostrophe, typographic apostrophe, IDN domain)', async (key, sentence) => {
    const client = shopper();
    const order = knownOrder(key);
    const { conversationId } = await open(client, order.shop);
    const reply = await say(client, conversationId, sentence(order.email!));
    expect(orderCards(reply)[0]?.order.orderName).toBe(order.name);
  });

  it.each([
    ['acme.store_pickup', /pickup order, to collect at Acme Outdoors Flagship Store/],
    ['acme.store_pickup_ready', /ready to collect now at Acme Outdoors Flagship Store/],
    ['acme.local_delivery', /delivers order #1296 locally, \w+day, \w+ \d+, between/],
  ] as const)('answers "when will it arrive?" for %s with the place or window, not a carrier date', async (key, expected) => {
    const client = shopper();
    const order = knownOrder(key);
    const { conversationId } = await open(client);
    await say(client, conversationId, `${order.name} ${order.email}`);
    const eta = await say(client, conversationId, 'when will it arrive?');
    expect(eta.text).toMatch(expected);
    expect(eta.text).not.toMatch(/carrier hasn't given a delivery date/);
  });

  it("gives the shop's own order-number format as the example, and learns it when it was unknown at connect time", async () => {
    const askNumber = async (shop: string) => {
      const client = shopper();
      const { conversationId } = await open(client, shop);
      return (await say(client, conversationId, 'my email is someone@example.com')).text;
    };
    expect(await askNumber(NORDIC)).toContain('like NT-1001');
    expect(await askNumber('tiny-tea.myshopify.com')).toContain('like 1001-EU');

    // A shop connected before its first order has no format yet: the first verified order teaches it.
    await services.db.update(shopsTable).set({ settings: {} }).where(eq(shopsTable.domain, NORDIC));
    expect(await askNumber(NORDIC)).toContain('like #1001');
    const order = knownOrder('nordic.in_transit');
    const client = shopper();
    const { conversationId } = await open(client, NORDIC);
    expect(orderCards(await say(client, conversationId, `${order.name} ${order.email}`))[0]?.order.orderName).toBe(order.name);
    await expect.poll(async () => (await services.shops.findShopByDomain(NORDIC))?.settings.orderNameFormat).toEqual({ prefix: 'NT-', suffix: '' });
    expect(await askNumber(NORDIC)).toContain('like NT-1001');
  });

  it('answers a wrong email with the uniform failure and then locks the conversation', async () => {
    const client = shopper();
    const { conversationId } = await open(client);
    const wrong = await say(client, conversationId, `#1282 jane.doe@example.org`);
    expect(wrong.text).toBe(NOT_VERIFIED_MESSAGE);
    expect(wrong.cards).toEqual([]);
    const unknown = await say(client, conversationId, `order 99999, ${JANE_EMAIL}`);
    expect(unknown.text).toBe(NOT_VERIFIED_MESSAGE);
    for (let index = 0; index < 3; index += 1) await say(client, conversationId, `#1278 guess${index}@example.com`);
    demo.clearLog();
    const locked = await say(client, conversationId, `#1278 ofd.olivia@example.com`);
    expect(locked.text).toMatch(/Too many attempts\. For your security, please try again in \d+ minutes?\./);
    expect(orderCards(locked)).toHaveLength(0);
    expect(graphqlCalls()).toBe(0);
  });

  it('rejects empty and over-long messages with the documented message', async () => {
    const client = shopper();
    const { conversationId } = await open(client);
    for (const text of ['', '   \n ', 'x'.repeat(4001)]) {
      await expect(say(client, conversationId, text)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: CHAT_TEXT_ERROR });
    }
    await expect(say(client, conversationId, 'x'.repeat(4000))).resolves.toBeTruthy();
  });

  it('hides conversations from other browsers and other shops (NOT_FOUND, indistinguishable from unknown ids)', async () => {
    const owner = shopper();
    const { conversationId } = await open(owner);
    const stranger = shopper();
    await open(stranger, ACME);
    const attempts = [
      () => stranger.call((api) => api.chat.send({ conversationId, text: 'hello' })),
      () => stranger.call((api) => api.chat.history({ conversationId })),
      () => createShopperClient(services).call((api) => api.chat.history({ conversationId })),
      () => owner.call((api) => api.chat.history({ conversationId, shop: NORDIC })),
      () => owner.call((api) => api.chat.send({ conversationId, text: 'hi', shop: NORDIC })),
      () => owner.call((api) => api.chat.history({ conversationId: '00000000-0000-4000-8000-000000000000' })),
      () => owner.call((api) => api.chat.history({ conversationId: 'not-a-uuid' })),
    ];
    // One at a time: a rejection must be awaited before the next call starts, or it would go unhandled.
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'This conversation was not found.' });
    await expect(owner.call((api) => api.chat.history({ conversationId, shop: ACME }))).resolves.toBeTruthy();
  });

  it('does not reach an order verified in another shop, even with the same number and email', async () => {
    const client = shopper();
    const nordic = await open(client, NORDIC);
    const verified = await say(client, nordic.conversationId, `NT-1001 ${JANE_EMAIL}`);
    expect(orderCards(verified)[0]?.order.orderName).toBe('NT-1001');
    const acme = await open(client, ACME);
    const asked = await say(client, acme.conversationId, 'where is my order?');
    expect(orderCards(asked)).toHaveLength(0);
    expect(asked.text).toMatch(/order number/i);
  });

  it('hands off to a person: records it with the transcript, mails the support address, says what happens next', async () => {
    const client = shopper();
    const { conversationId } = await open(client);
    await say(client, conversationId, `#1282 ${JANE_EMAIL}`);
    const reply = await say(client, conversationId, 'can I talk to a human please');
    const handoffCard = reply.cards.find((card) => card.type === 'handoff');
    expect(handoffCard).toBeTruthy();
    expect(reply.text).toMatch(/within 1 business day/);
    const [row] = await services.db.select().from(handoffs).where(eq(handoffs.conversationId, conversationId));
    expect(row?.emailedTo).toBe(ACME_SUPPORT);
    const mail = (await services.db.select().from(outboxMessages).where(eq(outboxMessages.purpose, 'handoff'))).find((m) => m.text.includes(conversationId));
    expect(mail?.to).toBe(ACME_SUPPORT);
    expect(mail?.text).toContain('talk to a human');
    expect(mail?.text).toContain('#1282');
    expect(mail?.text).not.toContain(JANE_EMAIL);
    const again = await say(client, conversationId, 'talk to a person');
    expect(again.text).toMatch(/already passed/);
    expect(await services.db.select().from(handoffs).where(eq(handoffs.conversationId, conversationId))).toHaveLength(1);
  });

  it('gives the policy and offers a person for cancel / return / address changes, never pretending to act', async () => {
    const client = shopper();
    const { conversationId } = await open(client);
    await say(client, conversationId, `#1282 ${JANE_EMAIL}`);
    for (const text of ['please cancel my order', 'I want to return it', 'I need to change my address']) {
      const reply = await say(client, conversationId, text);
      expect(reply.text).toMatch(/I can't/);
      expect(reply.text).not.toMatch(/\b(has been|have been|I've) (cancelled|changed|updated|started)/i);
      expect(reply.cards).toContainEqual({ type: 'quick_replies', options: ['Talk to a person', 'Where is my order?'] });
    }
  });
});

describe('chat.start through the app proxy', () => {
  const secret = 'demo-client-secret';

  it('greets a signed-in customer with the news about their order, no questions asked (a proactive answer)', async () => {
    const order = knownOrder('acme.out_for_delivery');
    const customerId = demo.data.findOrder(ACME, order.name)!.customer!.id;
    const client = shopper();
    const query = Object.fromEntries(buildAppProxyQuery({ shop: ACME, pathPrefix: '/apps/order-status', loggedInCustomerId: customerId }, secret));
    const started = await client.call((api) => api.chat.start({ shop: ACME, door: 'app_proxy', proxyQuery: query }));
    const welcome = started.messages[0]!;
    expect(welcome.text).toBe(`Order ${order.name} is out for delivery and should arrive today.`);
    expect(orderCards(welcome)[0]?.order.orderName).toBe(order.name);
    const eta = await say(client, started.conversationId, 'when will it arrive');
    expect(eta.text).toMatch(/today/);
  });

  it('falls back to the normal flow on a bad, stale or other-shop signature, and audits it', async () => {
    const customerId = demo.data.findOrder(ACME, knownOrder('acme.out_for_delivery').name)!.customer!.id;
    const good = Object.fromEntries(buildAppProxyQuery({ shop: ACME, pathPrefix: '/apps/x', loggedInCustomerId: customerId }, secret));
    const cases = [
      { ...good, logged_in_customer_id: String(customerId + 1) },
      Object.fromEntries(buildAppProxyQuery({ shop: ACME, pathPrefix: '/apps/x', loggedInCustomerId: customerId }, 'not-the-secret')),
      Object.fromEntries(
        buildAppProxyQuery({ shop: ACME, pathPrefix: '/apps/x', loggedInCustomerId: customerId, timestamp: Math.floor(Date.now() / 1000) - 600 }, secret),
      ),
      Object.fromEntries(buildAppProxyQuery({ shop: NORDIC, pathPrefix: '/apps/x', loggedInCustomerId: customerId }, secret)),
    ];
    for (const proxyQuery of cases) {
      const client = shopper();
      const started = await client.call((api) => api.chat.start({ shop: ACME, door: 'app_proxy', proxyQuery }));
      expect(orderCards(started.messages[0]!)).toHaveLength(0);
      expect(started.messages[0]!.text).toMatch(/order number/);
      const asked = await say(client, started.conversationId, 'where is my order');
      expect(orderCards(asked)).toHaveLength(0);
    }
    const audits = await services.db.select().from(auditEvents).where(eq(auditEvents.door, 'app_proxy'));
    expect(audits.map((a) => a.reason)).toEqual(expect.arrayContaining(['app_proxy_bad_signature', 'app_proxy_stale_timestamp', 'app_proxy_other_shop']));
  });
});
