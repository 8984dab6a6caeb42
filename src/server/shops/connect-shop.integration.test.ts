import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startDemoShop, type DemoShop } from '../../../demo-shop/server';
import { createTestServices } from '../../../test/support/test-services';
import type { Services } from '@/server/services';
import { sessions, shops, users } from '@/server/db/schema';
import { connectShop } from '@/domain/shops/connect-shop';
import { beginInstall, completeInstall } from '@/domain/shops/oauth';
import { runShopConnect } from '../../../scripts/shop-connect';
import { createShopMemberRepository } from '../dashboard/shop-members';
import { completeInstallDeps, connectShopDeps, oauthAppConfig } from '../wiring/shop-deps';
import { createHealthCheck } from './check-health';
import { finishShopifyInstall } from '../use-cases/shops/finish-shopify-install';
import { createOutboxMailer } from '../mail/mailer';
import { MERCHANT_SIGN_IN_ACCEPTED, requestMerchantSignIn } from '../use-cases/dashboard/request-merchant-sign-in';

let demo: DemoShop;
let services: Services;
const ACME = 'acme-outdoors.myshopify.com';

beforeAll(async () => {
  demo = await startDemoShop({ port: 0 });
  services = await createTestServices({
    SHOPIFY_ADMIN_ORIGIN: `${demo.url}/shops/{shop}`,
    SHOPIFY_API_KEY: demo.clientId,
    SHOPIFY_API_SECRET: demo.clientSecret,
    SHOPIFY_REQUEST_TIMEOUT_MS: '2000',
    APP_URL: 'https://app.example',
  });
});

afterAll(async () => {
  await services?.close();
  await demo?.close();
});

const acme = () => demo.shops.find((shop) => shop.domain === ACME)!;
const storedRows = async () => services.db.select().from(shops);

describe('connecting a shop against the demo shop over HTTP', () => {
  it('refuses a wrong token and an unreachable origin, writing nothing', async () => {
    const deps = connectShopDeps(services);
    expect(await connectShop(deps, { domain: ACME, token: 'shpat_demo_wrong_token', apiOrigin: acme().origin })).toMatchObject({
      ok: false,
      reason: 'token_rejected',
    });
    expect(await connectShop(deps, { domain: ACME, token: acme().accessToken, apiOrigin: 'http://127.0.0.1:1' })).toMatchObject({
      ok: false,
      reason: 'unreachable',
    });
    // A real token of another demo shop, presented for acme: Shopify would answer with the other shop.
    const nordic = demo.shops.find((shop) => shop.domain !== ACME)!;
    expect(await connectShop(deps, { domain: ACME, token: nordic.accessToken, apiOrigin: acme().origin })).toMatchObject({ ok: false });
    expect(await storedRows()).toEqual([]);
  });

  it("stores a shop whose real token passes, with Shopify's name, time zone and currency, token sealed", async () => {
    const result = await connectShop(connectShopDeps(services), { domain: ACME, token: acme().accessToken });
    expect(result).toMatchObject({
      ok: true,
      created: true,
      shop: { domain: ACME, name: acme().name, timezone: acme().timezone, currency: acme().currency, apiOrigin: acme().origin },
    });
    const [row] = await storedRows();
    expect(row!.accessTokenEncrypted).not.toContain(acme().accessToken);
    const credentials = await services.shops.getShopCredentials(result.ok ? result.shop : { id: '' });
    expect(credentials.accessToken).toBe(acme().accessToken);
    expect((await services.shopify.fetchShopInfo(credentials)).domain).toBe(ACME);
  });

  it('completes the full OAuth install round trip and refuses a replayed callback', async () => {
    const config = oauthAppConfig(services);
    const shop = 'tiny-tea.myshopify.com';
    const begun = beginInstall(config, new URLSearchParams({ shop }));
    if (!begun.ok) throw new Error(begun.message);
    const authorize = await fetch(begun.redirectUrl, { redirect: 'manual' });
    expect(authorize.status).toBe(302);
    const callback = new URL(authorize.headers.get('location')!);
    expect(`${callback.origin}${callback.pathname}`).toBe('https://app.example/api/shopify/callback');

    const request = { query: callback.searchParams, stateCookie: begun.cookie.value };
    const done = await completeInstall(config, completeInstallDeps(services), request);
    expect(done).toMatchObject({ ok: true, shop: { domain: shop, name: 'Tiny Tea Co', timezone: 'Europe/London' } });
    const credentials = await services.shops.getShopCredentials(done.ok ? done.shop : { id: '' });
    expect(credentials.accessToken).toMatch(/\S{8,}/);
    expect((await services.shopify.fetchShopInfo(credentials)).name).toBe('Tiny Tea Co');
    const [row] = (await storedRows()).filter((r) => r.domain === shop);
    expect(row!.accessTokenEncrypted).not.toContain(credentials.accessToken);
    expect(row!.scopes).toBe(services.env.SHOPIFY_SCOPES);

    expect(await completeInstall(config, completeInstallDeps(services), request)).toMatchObject({ ok: false, reason: 'exchange_failed' });
    const forged = new URLSearchParams(callback.searchParams);
    forged.set('shop', ACME);
    expect(await completeInstall(config, completeInstallDeps(services), { query: forged, stateCookie: begun.cookie.value })).toMatchObject({
      ok: false,
      reason: 'bad_hmac',
    });
  });

  it("makes the signed-in merchant and the shop's owner (from Shopify) owners of the shop they install", async () => {
    const config = oauthAppConfig(services);
    const installOnce = async (shop: string, headers: Headers) => {
      const begun = beginInstall(config, new URLSearchParams({ shop }));
      if (!begun.ok) throw new Error(begun.message);
      const authorize = await fetch(begun.redirectUrl, { redirect: 'manual' });
      const callback = new URL(authorize.headers.get('location')!);
      return finishShopifyInstall(services, { query: callback.searchParams, stateCookie: begun.cookie.value, headers });
    };
    const userId = crypto.randomUUID();
    await services.db.insert(users).values({ id: userId, email: 'founder@tiny-tea.test', emailVerified: new Date() });
    const token = crypto.randomUUID();
    await services.db.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + 3600_000) });
    const members = createShopMemberRepository(services.db);

    const signedIn = await installOnce('tiny-tea.myshopify.com', new Headers({ cookie: `authjs.session-token=${token}` }));
    expect(signedIn.ok).toBe(true);
    expect((await members.findMembership('founder@tiny-tea.test', 'tiny-tea.myshopify.com'))?.role).toBe('owner');
    expect((await members.findMembership('owner@tiny-tea.myshopify.com', 'tiny-tea.myshopify.com'))?.role).toBe('owner');

    // A forged session cookie, or none, installs the shop with only Shopify's owner as its dashboard owner.
    const anonymous = await installOnce(ACME, new Headers({ cookie: 'authjs.session-token=forged' }));
    expect(anonymous.ok).toBe(true);
    if (anonymous.ok) expect((await members.listMembers(anonymous.shop.id)).map((m) => [m.email, m.role])).toEqual([[`owner@${ACME}`, 'owner']]);

    // A refused callback (state cookie from another install) adds no one.
    const begun = beginInstall(config, new URLSearchParams({ shop: 'tiny-tea.myshopify.com' }));
    if (!begun.ok) throw new Error(begun.message);
    const other = beginInstall(config, new URLSearchParams({ shop: 'tiny-tea.myshopify.com' }));
    if (!other.ok) throw new Error(other.message);
    const callback = new URL((await fetch(begun.redirectUrl, { redirect: 'manual' })).headers.get('location')!);
    const refused = await finishShopifyInstall(services, {
      query: callback.searchParams,
      stateCookie: other.cookie.value,
      headers: new Headers({ cookie: `authjs.session-token=${token}` }),
    });
    expect(refused.ok).toBe(false);
    expect((await members.listShopsFor('founder@tiny-tea.test')).map((s) => s.domain)).toEqual(['tiny-tea.myshopify.com']);
  });

  it('lets the owner of a shop installed with nobody signed in ask for a dashboard sign-in link', async () => {
    const config = oauthAppConfig(services);
    const shop = 'nordic-threads.myshopify.com';
    const begun = beginInstall(config, new URLSearchParams({ shop }));
    if (!begun.ok) throw new Error(begun.message);
    const callback = new URL((await fetch(begun.redirectUrl, { redirect: 'manual' })).headers.get('location')!);
    const installed = await finishShopifyInstall(services, { query: callback.searchParams, stateCookie: begun.cookie.value, headers: new Headers() });
    expect(installed.ok).toBe(true);

    const owner = `owner@${shop}`;
    expect(await createShopMemberRepository(services.db).findMembership(owner, shop)).toMatchObject({ domain: shop, role: 'owner' });
    const outbox = createOutboxMailer(services.db);
    expect(await outbox.list({ to: owner })).toEqual([]);
    // The same answer for everyone, but only a member gets mail: here the owner Shopify named.
    const asked = await requestMerchantSignIn(services, { email: owner.toUpperCase(), clientAddress: '203.0.113.7' });
    expect(asked).toEqual({ status: 'accepted', message: MERCHANT_SIGN_IN_ACCEPTED });
    const [mail] = await outbox.list({ to: owner });
    expect(mail).toMatchObject({ subject: 'Your dashboard sign-in link' });
    expect(mail!.text).toContain(`${services.env.APP_URL}/api/auth/callback/`);
    // The public support address is not the owner and gets nothing.
    await requestMerchantSignIn(services, { email: `support@${shop}`, clientAddress: '203.0.113.7' });
    expect(await outbox.list({ to: `support@${shop}` })).toEqual([]);
  });

  it('reports each installed shop in the health check without leaking tokens', async () => {
    // Corrupt ACME's sealed token: change the first character of the ciphertext (a last base64 character can
    // carry only padding bits, so changing that one may not change a single byte).
    const sealed = (await storedRows()).find((row) => row.domain === ACME)!.accessTokenEncrypted;
    const cut = sealed.lastIndexOf(':') + 1;
    const corrupted = `${sealed.slice(0, cut)}${sealed[cut] === 'A' ? 'B' : 'A'}${sealed.slice(cut + 1)}`;
    await services.db.update(shops).set({ accessTokenEncrypted: corrupted }).where(eq(shops.domain, ACME));
    const check = createHealthCheck({
      database: { kind: services.dbKind, ping: () => services.db.execute('select 1') },
      cache: { kind: services.store.kind, ping: () => services.store.ping() },
      listShops: () => services.shops.listShops(),
      checkShop: async (shop) => services.shopify.fetchShopInfo(await services.shops.getShopCredentials(shop)),
    });
    const report = await check();
    expect(report.status).toBe('degraded');
    expect(report.shops.find((s) => s.domain === ACME)).toMatchObject({ ok: false, error: 'error' });
    expect(report.shops.find((s) => s.domain === 'tiny-tea.myshopify.com')).toMatchObject({ ok: true });
  });
});

describe('shop:connect CLI against the demo shop', () => {
  it('prints the shop id and widget snippet, and exits 1 on a refused token', async () => {
    let closed = 0;
    // The CLI closes what it opens; hand it the suite's services with a counting close instead of a fresh database.
    const open = async (): Promise<Services> => ({ ...services, close: async () => void closed++ });
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (line: string) => void out.push(line), err: (line: string) => void err.push(line) };
    expect(await runShopConnect(['--domain', 'nordic-threads', '--token', 'shpat_demo_nordic_threads', '--owner', 'me@example.com'], open, io)).toBe(0);
    expect(out.join('\n')).toMatch(/Shop id: [0-9a-f-]{36}/);
    expect(out).toContain('<script src="https://app.example/widget.js" data-shop="nordic-threads.myshopify.com" async></script>');
    expect(await runShopConnect(['--domain', 'nordic-threads', '--token', 'shpat_nope_nope_nope'], open, io)).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^shop:connect: token_rejected: /)]);
    expect(closed).toBe(2);
    expect((await services.shops.findShopByDomain('nordic-threads.myshopify.com'))?.name).toBe('Nordic Threads');
    // --owner makes the dashboard owner (issue 6).
    expect((await createShopMemberRepository(services.db).findMembership('ME@example.com', 'nordic-threads.myshopify.com'))?.role).toBe('owner');
  });
});
