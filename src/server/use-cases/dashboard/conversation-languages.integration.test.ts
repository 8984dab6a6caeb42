import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '@/server/services';
import type { Shop } from '@/domain/shops/shop';
import { createShopperClient } from '../../../../test/support/shopper-client';
import { startDemoWorld, type DemoWorld } from '../../../../test/support/demo-world';
import type { ShopAccess } from './authorize-shop-access';
import { viewConversationLanguages } from './load-conversation-languages';
import { viewConversations, viewTranscript } from './merchant-dashboard';

const ACME = 'acme-outdoors.myshopify.com';
let world: DemoWorld;
let services: Services;
let shop: Shop;
let address = 0;

beforeAll(async () => {
  world = await startDemoWorld({ connect: [ACME] });
  services = world.services;
  shop = world.shops.get(ACME)!;
});

afterAll(() => world?.close());

/** A chat in `locale` where the shopper wrote once (`#1282`: no words, so the language stays), or only opened it. */
async function start(locale?: 'de' | 'ja', write = true) {
  const client = createShopperClient(services, { clientAddress: `198.51.100.${(address += 1)}` });
  const started = await client.call((api) => api.chat.start({ shop: ACME, door: 'widget', ...(locale ? { locale } : {}) }));
  if (write) await client.call((api) => api.chat.send({ conversationId: started.conversationId, text: '#1282' }));
  return started;
}

describe('the dashboard shows each conversation’s language', () => {
  it('lists the language per conversation, in the transcript, and the volume by language on the overview', async () => {
    const access = { shop, merchant: { email: 'owner@example.com' }, membership: { role: 'owner' } } as unknown as ShopAccess;
    const german = await start('de');
    await start('de');
    await start('ja');
    await start();
    await start('ja', false);
    const { rows } = await viewConversations(services, access, {});
    expect(rows.find((row) => row.id === german.conversationId)?.language).toBe('German');
    expect((await viewTranscript(services, access, german.conversationId)).conversation.language).toBe('German');
    const byLanguage = await viewConversationLanguages(services, access, {});
    expect(byLanguage.map(({ language, conversations }) => [language, conversations])).toEqual([
      ['German', 2],
      expect.arrayContaining([expect.any(String), 1]),
      expect.arrayContaining([expect.any(String), 1]),
    ]);
    expect(byLanguage.map((row) => row.language).sort()).toEqual(['English', 'German', 'Japanese']);
  });
});
