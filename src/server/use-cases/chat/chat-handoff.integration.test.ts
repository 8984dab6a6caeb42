import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { JANE_EMAIL } from '../../../../demo-shop/seed/known-orders';
import { acceptedMessage } from '@/domain/links/request-magic-link';
import { createShopperClient } from '../../../../test/support/shopper-client';
import { startDemoWorld, type DemoWorld } from '../../../../test/support/demo-world';
import { handoffs, outboxMessages, shops as shopsTable } from '@/server/db/schema';
import type { Services } from '@/server/services';
import { requestShopperMagicLink } from '@/server/use-cases/links/request-shopper-magic-link';
import { HANDOFF_CONFIRMATIONS_PER_ADDRESS_PER_DAY } from '@/server/agent/request-handoff';

const ACME = 'acme-outdoors.myshopify.com';
const NORDIC = 'nordic-threads.myshopify.com';
const ACME_SUPPORT = 'care@acme-outdoors.example';

let world: DemoWorld;
let services: Services;
let address = 0;
const shopper = () => createShopperClient(services, { clientAddress: `192.0.2.${(address += 1)}` });
type Client = ReturnType<typeof shopper>;

const open = (client: Client, shop = ACME) => client.call((api) => api.chat.start({ shop, door: 'widget' }));
const say = (client: Client, conversationId: string, text: string) => client.call((api) => api.chat.send({ conversationId, text })).then((r) => r.messages[0]!);
const mailsTo = async (to: string) => (await services.db.select().from(outboxMessages)).filter((mail) => mail.to === to);
const handoffMails = async () => services.db.select().from(outboxMessages).where(eq(outboxMessages.purpose, 'handoff'));

async function setSupportEmail(domain: string, supportEmail: string | undefined) {
  const shop = (await services.shops.findShopByDomain(domain))!;
  await services.db
    .update(shopsTable)
    .set({ settings: { ...shop.settings, supportEmail } })
    .where(eq(shopsTable.domain, domain));
}

beforeAll(async () => {
  world = await startDemoWorld({ connect: [ACME, NORDIC] });
  services = world.services;
  await setSupportEmail(ACME, ACME_SUPPORT);
  await setSupportEmail(NORDIC, undefined);
});

afterAll(() => world?.close());

describe('hand-off to a person', () => {
  it('asks an unverified shopper for the reply address and the question, then mails only the configured support address', async () => {
    const client = shopper();
    const { conversationId } = await open(client);
    const asked = await say(client, conversationId, 'I want to talk to a human');
    expect(asked.text).toMatch(/what email address should they reply to/);
    expect(asked.cards.some((card) => card.type === 'handoff')).toBe(false);
    expect(await services.db.select().from(handoffs).where(eq(handoffs.conversationId, conversationId))).toHaveLength(0);

    const question = await say(client, conversationId, 'pat.shopper@example.com');
    expect(question.text).toMatch(/they'll reply to p\*\*\*@example\.com/);
    const done = await say(client, conversationId, 'My gift card code does not work at checkout');
    const card = done.cards.find((c) => c.type === 'handoff');
    expect(card).toBeTruthy();
    expect(done.text).toMatch(/A person will reply to p\*\*\*@example\.com within 1 business day\.$/);

    const mails = (await handoffMails()).filter((mail) => mail.text.includes(conversationId));
    expect(mails.map((mail) => mail.to)).toEqual([ACME_SUPPORT]);
    expect(mails[0]!.text).toContain('Reply to: pat.shopper@example.com');
    expect(mails[0]!.text).toContain('Question: My gift card code does not work at checkout');
    expect(await mailsTo(`support@${ACME}`)).toHaveLength(0);
    // The reply address is in the mail only: the database keeps it masked.
    const [row] = await services.db.select().from(handoffs).where(eq(handoffs.conversationId, conversationId));
    expect(row!.emailedTo).toBe(ACME_SUPPORT);
    expect(JSON.stringify(await client.call((api) => api.chat.history({ conversationId })))).not.toContain('pat.shopper@');
  });

  it("hands a verified shopper's conversation over at once, with the order and the transcript", async () => {
    const client = shopper();
    const { conversationId } = await open(client);
    await say(client, conversationId, `#1282 ${JANE_EMAIL}`);
    const done = await say(client, conversationId, 'can I speak to someone? talk to a person');
    expect(done.text).toMatch(/order #1282 to the .+ team \(reference H-[0-9A-F]{8}\)\. A person will reply to the email address on your order/);
    const [mail] = (await handoffMails()).filter((m) => m.text.includes(conversationId));
    expect(mail!.to).toBe(ACME_SUPPORT);
    expect(mail!.text).toMatch(/Order: #1282 \(.+\), verified by the shopper in the chat/);
    expect(mail!.text).toContain('Transcript:');
    expect(mail!.text).toContain('Shopper: #1282 j***@example.com');
    expect(mail!.text).not.toContain(JANE_EMAIL);
  });

  it('with no support address, promises nothing, records nothing and mails nobody', async () => {
    const before = (await services.db.select().from(outboxMessages)).length;
    const client = shopper();
    const { conversationId } = await open(client, NORDIC);
    await say(client, conversationId, `NT-1001 ${JANE_EMAIL}`);
    const reply = await say(client, conversationId, 'talk to a human');
    expect(reply.text).toMatch(/^I can't pass messages to the .+ team from this chat\./);
    expect(reply.text).not.toMatch(/will (?:reply|get back)/);
    expect(reply.cards.some((card) => card.type === 'handoff')).toBe(false);
    const policy = await say(client, conversationId, 'please cancel my order');
    expect(JSON.stringify(policy.cards)).not.toContain('Talk to a person');
    expect(await services.db.select().from(handoffs).where(eq(handoffs.conversationId, conversationId))).toHaveLength(0);
    expect((await services.db.select().from(outboxMessages)).length).toBe(before);
  });
});

describe("the shopper's confirmation of a hand-off", () => {
  it('goes to the reply address they typed, in the conversation’s language, with the reference and never their question', async () => {
    const client = shopper();
    const { conversationId } = await client.call((api) => api.chat.start({ shop: ACME, door: 'widget', locale: 'de' }));
    await say(client, conversationId, 'Ich möchte mit einem Menschen sprechen');
    await say(client, conversationId, 'lena.kunde@example.com');
    const done = await say(client, conversationId, 'Mein Gutscheincode <a href="https://evil.example">funktioniert nicht</a>');
    const reference = done.cards.flatMap((card) => (card.type === 'handoff' ? [card.reference] : []))[0]!;
    expect(reference).toMatch(/^H-[0-9A-F]{8}$/);

    const mails = await mailsTo('lena.kunde@example.com');
    expect(mails.map((mail) => [mail.purpose, mail.subject])).toEqual([
      ['handoff_confirmation', `Deine Frage ist beim Team von Acme Outdoors angekommen (${reference})`],
    ]);
    expect(mails[0]!.text).toContain('Ein Mensch antwortet dir an diese E-Mail-Adresse, und zwar innerhalb von 1 Werktag.');
    expect(mails[0]!.text).toContain(`Referenz: ${reference}`);
    expect(mails[0]!.text).not.toMatch(/Gutscheincode|evil\.example|funktioniert/);
    expect(mails[0]!.html).toBeNull();
  });

  it('is not sent for a verified order: the team replies to the order’s email', async () => {
    const verified = shopper();
    const opened = await open(verified);
    await say(verified, opened.conversationId, `#1282 ${JANE_EMAIL}`);
    const before = (await mailsTo(JANE_EMAIL)).length;
    await say(verified, opened.conversationId, 'talk to a person');
    expect((await mailsTo(JANE_EMAIL)).filter((mail) => mail.purpose === 'handoff_confirmation')).toHaveLength(0);
    expect((await mailsTo(JANE_EMAIL)).length).toBe(before);
  });

  it('reaches one typed address at most three times a day, however many chats a script opens', async () => {
    const victim = 'not.me@example.com';
    for (let i = 0; i < 5; i++) {
      const client = shopper();
      const { conversationId } = await open(client);
      await say(client, conversationId, 'talk to a human');
      await say(client, conversationId, victim);
      const done = await say(client, conversationId, `question ${i}`);
      expect(done.cards.some((card) => card.type === 'handoff')).toBe(true);
    }
    expect((await mailsTo(victim)).filter((mail) => mail.purpose === 'handoff_confirmation')).toHaveLength(HANDOFF_CONFIRMATIONS_PER_ADDRESS_PER_DAY);
  });
});

describe('"show me all my orders" in the chat', () => {
  it('sends the magic link through the tracking page use case: one uniform answer, a mail only for an email with orders', async () => {
    const answers: string[] = [];
    for (const email of [JANE_EMAIL, 'nobody.here@example.com']) {
      const client = shopper();
      const { conversationId } = await open(client);
      const asked = await say(client, conversationId, 'show me all my orders');
      expect(asked.text).toMatch(/What's the email address you used for them\?/);
      answers.push((await say(client, conversationId, email)).text);
    }
    expect(answers[0]).toBe(acceptedMessage('Acme Outdoors'));
    expect(answers[1]).toBe(answers[0]);
    expect((await mailsTo(JANE_EMAIL)).some((mail) => mail.purpose === 'magic_link' || mail.text.includes('/t/'))).toBe(true);
    expect(await mailsTo('nobody.here@example.com')).toHaveLength(0);
  });

  it('shares its per-email limit with the tracking page: links asked for on the page count in the chat', async () => {
    const email = 'limit.probe@example.com';
    const shop = (await services.shops.findShopByDomain(ACME))!;
    const onPage = [];
    for (let i = 0; i < services.env.MAGIC_LINK_MAX_PER_EMAIL - 1; i++) {
      onPage.push(await requestShopperMagicLink(services, { shop, email, clientAddress: `198.18.0.${i + 1}` }));
    }
    expect(onPage.every((result) => result.status === 'accepted')).toBe(true);
    const texts: string[] = [];
    for (let i = 0; i < 2; i++) {
      const client = shopper();
      const { conversationId } = await open(client);
      texts.push((await say(client, conversationId, `${email} show me all my orders`)).text);
    }
    expect(texts[0]).toBe(acceptedMessage('Acme Outdoors'));
    expect(texts[1]).toMatch(/^We have sent several links recently\. Please check your inbox, or ask again in \d+ minutes\.$/);
  });
});
