import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoShop, type DemoShop } from '../../../demo-shop/server';
import { createTestServices } from '../../../test/support/test-services';
import { webhookFixtures } from '../../../test/support/webhook-test-fixtures';
import { offeredLocales } from '@/domain/i18n/negotiate-locale';
import { connectShop } from '@/domain/shops/connect-shop';
import type { Shop } from '@/domain/shops/shop';
import { handleShopifyWebhook } from '@/domain/webhooks/handle-shopify-webhook';
import type { Services } from '@/server/services';
import { syncWebhookSubscriptions } from '@/server/shops/sync-webhook-subscriptions';
import { connectShopDeps } from '@/server/wiring/shop-deps';

/**
 * The shop's storefront languages come from Shopify (`shopLocales`, read_locales) at connect and stay current
 * through locales/* webhooks; the demo shop plays Shopify over HTTP, signing and delivering like it.
 */
const APP_SECRET = 'demo-client-secret-for-locales';
const ACME = 'acme-outdoors.myshopify.com';
const NORDIC = 'nordic-threads.myshopify.com';
let services: Services;
let server: Server;
let demo: DemoShop;
let acme: Shop;

let f: ReturnType<typeof webhookFixtures>;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      handleShopifyWebhook(f.deps, { method: req.method ?? 'GET', headers, body: new Uint8Array(Buffer.concat(chunks)) })
        .then((result) => res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body)))
        .catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  services = await createTestServices({ SHOPIFY_API_SECRET: APP_SECRET, APP_URL: appUrl });
  f = webhookFixtures(services);
  demo = await startDemoShop({ port: 0, clientSecret: APP_SECRET, shops: { [NORDIC]: { scopes: ['read_orders', 'read_fulfillments'] } } });
  const connect = async (domain: string) => {
    const info = demo.shops.find((s) => s.domain === domain)!;
    const result = await connectShop(connectShopDeps(services), { domain, token: info.accessToken, apiOrigin: info.origin });
    if (!result.ok) throw new Error(result.message);
    return result.shop;
  };
  acme = await connect(ACME);
  await connect(NORDIC);
  const subscribed = await syncWebhookSubscriptions(services, acme);
  if (!subscribed.ok) throw new Error(subscribed.message);
});
afterAll(async () => {
  await demo?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await services?.close();
});

const stored = async (domain: string) => (await services.shops.findShopByDomain(domain))?.settings.locales;

describe('the shop languages', () => {
  it('are read at connect: primary first, only published ones', async () => {
    expect(await stored(ACME)).toEqual({ primary: 'en', published: ['en', 'fr-CA', 'es', 'de', 'it', 'nl', 'pt-BR', 'ja', 'ko'] });
    expect(offeredLocales(await stored(ACME))).toEqual(['en', 'de', 'fr', 'es', 'it', 'nl', 'pt-BR', 'ja']);
  });

  it('a token without read_locales still connects; its shoppers are offered every language we speak', async () => {
    expect(await services.shops.findShopByDomain(NORDIC)).not.toBeNull();
    expect(await stored(NORDIC)).toBeUndefined();
    expect(offeredLocales(await stored(NORDIC))).toHaveLength(8);
  });

  it('follow locales/update, locales/destroy and locales/create deliveries', async () => {
    const unpublished = await demo.setShopLocale(ACME, { locale: 'ja', published: false });
    expect(unpublished.deliveries.map((d) => [d.status, JSON.parse(d.responseBody).topic])).toEqual([[200, 'locales/update']]);
    expect((await stored(ACME))?.published).not.toContain('ja');

    const removed = await demo.setShopLocale(ACME, { locale: 'de', remove: true });
    expect(removed.deliveries.map((d) => JSON.parse(d.responseBody).topic)).toEqual(['locales/destroy']);
    expect((await stored(ACME))?.published).not.toContain('de');

    const created = await demo.setShopLocale(ACME, { locale: 'de', published: true });
    expect(created.deliveries.map((d) => JSON.parse(d.responseBody).topic)).toEqual(['locales/create']);
    expect(offeredLocales(await stored(ACME))).toEqual(['en', 'de', 'fr', 'es', 'it', 'nl', 'pt-BR']);
  });

  it('refuses a forged locales webhook and keeps the stored languages', async () => {
    const before = await stored(ACME);
    const forged = await demo.sendWebhook({
      url: `${new URL(services.env.APP_URL).origin}/api/webhooks/shopify`,
      shop: ACME,
      topic: 'locales/update',
      payload: { locale: 'en', published: false },
      secret: 'not-the-app-secret',
    });
    expect(forged.status).toBe(401);
    expect(await stored(ACME)).toEqual(before);
  });
});
