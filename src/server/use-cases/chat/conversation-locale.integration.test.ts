import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { UNSUPPORTED_LOCALE_MESSAGE } from '@/domain/i18n/locale-schema';
import { readChatSender, streamChat } from '@/server/http/chat-stream';
import { conversations } from '@/server/db/schema';
import type { Services } from '@/server/services';
import { createShopperClient } from '../../../../test/support/shopper-client';
import { startDemoWorld, type DemoWorld } from '../../../../test/support/demo-world';
import { connectDemoShops } from '../../../../test/support/connect-demo-shops';
import { createTestServices } from '../../../../test/support/test-services';
import { MESSAGES_PER_MINUTE } from './send-chat-message';

const ACME = 'acme-outdoors.myshopify.com';

let world: DemoWorld;
let services: Services;
let address = 0;
const shopper = () => createShopperClient(services, { clientAddress: `198.51.100.${(address += 1)}` });

beforeAll(async () => {
  world = await startDemoWorld({ connect: [ACME] });
  services = world.services;
});

afterAll(() => world?.close());

const storedLocale = async (id: string) => {
  const [row] = await services.db.select({ state: conversations.state }).from(conversations).where(eq(conversations.id, id));
  return (row?.state as { locale?: string }).locale;
};

describe('the conversation language', () => {
  it('starts in the locale the widget passes, stores it and reports it on every answer', async () => {
    const client = shopper();
    const started = await client.call((api) => api.chat.start({ shop: ACME, door: 'widget', locale: 'de' }));
    expect(started.locale).toBe('de');
    expect(await storedLocale(started.conversationId)).toBe('de');
    const history = await client.call((api) => api.chat.history({ conversationId: started.conversationId }));
    expect(history.locale).toBe('de');
  });

  it('starts in English without a locale, and refuses an unsupported one with a clear message', async () => {
    const client = shopper();
    expect((await client.call((api) => api.chat.start({ shop: ACME, door: 'widget' }))).locale).toBe('en');
    await expect(client.call((api) => api.chat.start({ shop: ACME, door: 'widget', locale: 'xx' as 'en' }))).rejects.toThrow(UNSUPPORTED_LOCALE_MESSAGE);
  });

  it('switches when the shopper clearly writes in another language, never on a number or an email', async () => {
    const client = shopper();
    const { conversationId } = await client.call((api) => api.chat.start({ shop: ACME, door: 'widget', locale: 'en' }));
    const send = (text: string) => client.call((api) => api.chat.send({ conversationId, text }));
    expect((await send('Bonjour, où est ma commande ? Je ne l’ai pas encore reçue.')).locale).toBe('fr');
    expect((await send('1282')).locale).toBe('fr');
    expect((await send('jane.doe@example.com')).locale).toBe('fr');
    expect(await storedLocale(conversationId)).toBe('fr');
    // The widget's language switcher is the shopper's explicit choice.
    expect((await client.call((api) => api.chat.send({ conversationId, text: 'ok', locale: 'ja' }))).locale).toBe('ja');
  });

  it('takes a locale on the stream door too, reports it in `done`, and refuses a bad one with 400', async () => {
    const client = shopper();
    const { conversationId } = await client.call((api) => api.chat.start({ shop: ACME, door: 'widget' }));
    const headers = new Headers({ 'x-forwarded-for': '198.51.100.250', cookie: [...client.cookies].map(([n, v]) => `${n}=${v}`).join('; ') });
    const sender = readChatSender(services, headers);
    const ok = await streamChat(services, sender, { conversationId, text: '#1282', locale: 'nl' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('event: done\ndata: {"locale":"nl"}');
    const bad = await streamChat(services, sender, { conversationId, text: 'where is my order', locale: 'klingon' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain(UNSUPPORTED_LOCALE_MESSAGE);
  });

  it('says its refusals in the conversation’s language: too many messages, too many chats, an unknown conversation', async () => {
    const client = shopper();
    const { conversationId } = await client.call((api) => api.chat.start({ shop: ACME, door: 'widget', locale: 'de' }));
    const send = () => client.call((api) => api.chat.send({ conversationId, text: 'hallo' }));
    for (let i = 0; i < MESSAGES_PER_MINUTE; i++) await send();
    await expect(send()).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'Du sendest sehr schnell Nachrichten. Bitte warte eine Minute und versuch es dann noch einmal.',
    });

    await expect(client.call((api) => api.chat.send({ conversationId: 'no-such-conversation', text: 'bonjour', locale: 'fr' }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Cette conversation est introuvable.',
    });

    const limited = await createTestServices({ CHAT_START_MAX_PER_CLIENT: '1' });
    try {
      const visitor = createShopperClient(limited, { clientAddress: '198.51.100.240' });
      await connectDemoShops(limited, world.demo, [ACME]);
      await visitor.call((api) => api.chat.start({ shop: ACME, door: 'widget', locale: 'ja' }));
      await expect(visitor.call((api) => api.chat.start({ shop: ACME, door: 'widget', locale: 'ja' }))).rejects.toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        message: expect.stringMatching(/^お使いのネットワークから最近多くのチャットが開始されました。(60|59)分後にもう一度お試しください。$/),
      });
    } finally {
      await limited.close();
    }
  });
});
