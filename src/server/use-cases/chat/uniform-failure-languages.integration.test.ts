import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '@/domain/i18n/messages';
import type { Services } from '@/server/services';
import { fillTemplate, loadLanguageFixtures } from '../../../../test/languages/language-fixture';
import { createShopperClient } from '../../../../test/support/shopper-client';
import { startDemoWorld, type DemoWorld } from '../../../../test/support/demo-world';

const ACME = 'acme-outdoors.myshopify.com';
const MAX_FAILURES = 3;
const fixtures = await loadLanguageFixtures();

let world: DemoWorld;
let services: Services;
let address = 0;

beforeAll(async () => {
  world = await startDemoWorld({ connect: [ACME], env: { VERIFY_MAX_FAILURES_PER_SESSION: String(MAX_FAILURES) } });
  services = world.services;
});

afterAll(() => world?.close());

/** A fresh browser (own session and address) that opens a chat in `locale` and sends `text` a few times. */
async function attempts(locale: string, text: string, times: number): Promise<string[]> {
  const client = createShopperClient(services, { clientAddress: `198.51.100.${(address += 1)}` });
  const { conversationId } = await client.call((api) => api.chat.start({ shop: ACME, door: 'widget', locale: locale as 'en' }));
  const replies: string[] = [];
  for (let i = 0; i < times; i += 1) replies.push((await client.call((api) => api.chat.send({ conversationId, text }))).messages[0]!.text);
  return replies;
}

describe.each(fixtures.map((fixture, index) => ({ ...fixture, index })))('verification failures in $locale tell nothing apart', (fixture) => {
  it('"no such order" and "wrong email" read byte-identically, up to and including the lock', async () => {
    const real = world.demo.data.orders(ACME).filter((order) => order.email && !order.test);
    // Each language uses its own orders, so the per-order limit of one language never locks another's.
    const existing = real[fixture.index + 3]!;
    const missing = { name: `#${970_000 + fixture.index}` };
    const template = fixture.lookups[0]!;
    const [noSuchOrder, wrongEmail] = await Promise.all([
      attempts(fixture.locale, fillTemplate(template, missing, existing.email!), MAX_FAILURES + 1),
      attempts(fixture.locale, fillTemplate(template, existing, 'someone.else@example.com'), MAX_FAILURES + 1),
    ]);
    expect(wrongEmail).toEqual(noSuchOrder);
    const t = translator(fixture.locale, 'verification');
    expect(noSuchOrder.slice(0, MAX_FAILURES)).toEqual(Array(MAX_FAILURES).fill(t('notVerified')));
    expect(noSuchOrder.at(-1)).toBe(t('locked', { minutes: 15 }));
  });
});
