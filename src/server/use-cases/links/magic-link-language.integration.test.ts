import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { JANE_EMAIL } from '../../../../demo-shop/seed/known-orders';
import { outboxMessages } from '@/server/db/schema';
import type { Services } from '@/server/services';
import type { Shop } from '@/domain/shops/shop';
import { startDemoWorld, type DemoWorld } from '../../../../test/support/demo-world';
import { requestShopperMagicLink } from './request-shopper-magic-link';

const ACME = 'acme-outdoors.myshopify.com';

let world: DemoWorld;
let services: Services;
let shop: Shop;

beforeAll(async () => {
  world = await startDemoWorld({ connect: [ACME], env: { MAGIC_LINK_MAX_PER_EMAIL: '50' } });
  services = world.services;
  shop = world.shops.get(ACME)!;
});

afterAll(() => world?.close());

/** Requests a link in `locale` and returns the one mail the outbox received for it. */
async function mailIn(locale: 'en' | 'de' | 'ja' | undefined) {
  await services.db.delete(outboxMessages);
  const result = await requestShopperMagicLink(services, {
    shop,
    email: JANE_EMAIL,
    clientAddress: `198.51.100.${Math.floor(Math.random() * 200)}`,
    ...(locale ? { locale } : {}),
  });
  expect(result.status).toBe('accepted');
  const mails = await services.db.select().from(outboxMessages).where(eq(outboxMessages.to, JANE_EMAIL));
  expect(mails).toHaveLength(1);
  return mails[0]!;
}

describe('the magic-link mail speaks the shopper’s language', () => {
  it('is English without a locale, German and Japanese when asked, subject and body alike, with the same link shape', async () => {
    const english = await mailIn(undefined);
    expect(english.subject).toBe(`Your sign-in link for ${shop.name}`);
    expect(english.text).toContain('The link works once and expires in 1 hour.');

    const german = await mailIn('de');
    expect(german.subject).toBe(`Dein Anmeldelink für ${shop.name}`);
    expect(german.text).toContain(`deine Bestellungen bei ${shop.name}`);
    expect(german.text).toContain('Der Link funktioniert einmal und läuft nach 1 Stunde ab.');
    expect(german.html).toContain('Meine Bestellungen ansehen');
    expect(german.html).toContain('lang="de"');

    const japanese = await mailIn('ja');
    expect(japanese.subject).toBe(`${shop.name}のログインリンク`);
    expect(japanese.text).toContain('このリンクは1回のみ有効で、1時間で期限が切れます。');

    const linkOf = (text: string) => text.match(/https?:\/\/[^?\s]+/)?.[0];
    expect(linkOf(german.text)).toBe(linkOf(english.text));
    expect(linkOf(japanese.text)).toBe(linkOf(english.text));
  });
});
