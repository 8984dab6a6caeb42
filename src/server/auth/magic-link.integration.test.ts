import { Auth } from '@auth/core';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JANE_EMAIL, knownOrdersFor } from '../../../demo-shop/seed/known-orders';
import { acceptedMessage, requestMagicLink } from '@/domain/links/request-magic-link';
import { HISTORY_PAGE_SIZE, listOrdersByEmail } from '@/domain/orders/list-orders-by-email';
import type { Shop } from '@/domain/shops/shop';
import { createShopperClient } from '../../../test/support/shopper-client';
import { hashClientFor, hashEmailFor } from '@/server/wiring/order-deps';
import { analyticsEvents, auditEvents, outboxMessages, verificationTokens } from '@/server/db/schema';
import { startDemoWorld, type DemoWorld } from '../../../test/support/demo-world';
import type { Services } from '@/server/services';
import { createAuthConfig } from './auth-config';
import { magicLinkDeps, ordersByEmailGateway } from '../wiring/magic-link-deps';
import { redeemShopClaim } from '../use-cases/links/redeem-shop-claim';
import { readSignedInShopper, signOutShopper, verifyShopClaim } from './shopper-sign-in';

const ACME = 'acme-outdoors.myshopify.com';
const NORDIC = 'nordic-threads.myshopify.com';
let world: DemoWorld;
let services: Services;
let shops: Map<string, Shop>;

beforeAll(async () => {
  world = await startDemoWorld({ env: { MAGIC_LINK_MAX_PER_EMAIL: '3', MAGIC_LINK_MAX_PER_CLIENT: '10' } });
  ({ services, shops } = world);
});

afterAll(() => world?.close());

beforeEach(async () => {
  await services.db.delete(outboxMessages);
});

const deps = () => magicLinkDeps(services, { minimumResponseMs: 60 });
const shop = (domain: string) => shops.get(domain)!;
const outbox = (to: string) => services.db.select().from(outboxMessages).where(eq(outboxMessages.to, to));
const linkIn = (text: string) => /https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/.exec(text)?.[0];

/** What a browser does with the link: Auth.js's own callback handler, with the cookies it has. */
async function openLink(url: string, cookie?: string) {
  const request = new Request(url.replace(/^https?:\/\/[^/]+/, 'http://localhost:3000'), { headers: cookie ? { cookie } : {} });
  const response = await Auth(request, createAuthConfig(services));
  const sessionCookie = response.headers.getSetCookie().find((value) => value.startsWith('authjs.session-token='));
  return { status: response.status, location: response.headers.get('location') ?? '', sessionCookie: sessionCookie?.split(';')[0] };
}

describe('requestMagicLink', () => {
  it('answers the same whether or not the email has orders, and mails only the one that has', async () => {
    const withOrders = await requestMagicLink(deps(), { shop: shop(ACME), email: ' Jane.Doe@Example.com ', clientAddress: '198.51.100.1' });
    const without = await requestMagicLink(deps(), { shop: shop(ACME), email: 'nobody.here@example.com', clientAddress: '198.51.100.2' });
    expect(withOrders).toEqual({ status: 'accepted', message: acceptedMessage('Acme Outdoors') });
    expect(without).toEqual(withOrders);
    const [mail] = await outbox(JANE_EMAIL);
    expect(mail).toMatchObject({ purpose: 'magic_link', subject: 'Your sign-in link for Acme Outdoors' });
    expect(await outbox('nobody.here@example.com')).toHaveLength(0);
    // The link names neither the email nor an order, and the token is stored only as a hash.
    const url = linkIn(mail!.text)!;
    expect(url).not.toMatch(/jane|%40|@/i);
    const token = new URL(url).searchParams.get('token')!;
    const rows = await services.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, JANE_EMAIL));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token).not.toBe(token);
    expect(rows[0]!.token).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.expires.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(rows[0]!.expires.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);
  });

  it('does not mail an email whose only matches are loose (+tag twin) or test orders', async () => {
    await requestMagicLink(deps(), { shop: shop(ACME), email: 'test.tom@example.com', clientAddress: '198.51.100.3' });
    expect(await outbox('test.tom@example.com')).toHaveLength(0);
    await requestMagicLink(deps(), { shop: shop(NORDIC), email: 'ofd.olivia@example.com', clientAddress: '198.51.100.3' });
    expect(await outbox('ofd.olivia@example.com')).toHaveLength(0);
  });

  it('limits sends per email (3 an hour) whoever asks, and says so without revealing anything', async () => {
    const email = 'split.sven@example.com';
    const results = [];
    for (let index = 0; index < 4; index += 1) {
      results.push(await requestMagicLink(deps(), { shop: shop(ACME), email, clientAddress: `203.0.113.${index + 1}` }));
    }
    expect(results.slice(0, 3).every((result) => result.status === 'accepted')).toBe(true);
    expect(results[3]).toMatchObject({ status: 'limited', message: expect.stringMatching(/ask again in \d+ minutes/) });
    expect(await outbox(email)).toHaveLength(3);
    // The limit counts requests, not sends: an email without orders is limited just the same.
    for (let index = 0; index < 3; index += 1)
      await requestMagicLink(deps(), { shop: shop(ACME), email: 'ghost@example.com', clientAddress: `203.0.113.${index + 10}` });
    expect((await requestMagicLink(deps(), { shop: shop(ACME), email: 'ghost@example.com', clientAddress: '203.0.113.20' })).status).toBe('limited');
  });

  it('limits sends per client address (10 an hour) across emails', async () => {
    const statuses = [];
    for (let index = 0; index < 11; index += 1) {
      const result = await requestMagicLink(deps(), { shop: shop(ACME), email: `spam${index}@example.com`, clientAddress: '192.0.2.99' });
      statuses.push(result.status);
    }
    expect(statuses.filter((status) => status === 'accepted')).toHaveLength(10);
    expect(statuses[10]).toBe('limited');
    const locked = await services.db.select().from(auditEvents).where(eq(auditEvents.reason, 'send_limit'));
    expect(locked.length).toBeGreaterThanOrEqual(1);
  });

  it('takes the same minimum time with and without orders', async () => {
    const time = async (email: string, clientAddress: string) => {
      const started = performance.now();
      await requestMagicLink(magicLinkDeps(services, { minimumResponseMs: 300 }), { shop: shop(ACME), email, clientAddress });
      return performance.now() - started;
    };
    expect(await time('refund.rita@example.com', '198.51.100.40')).toBeGreaterThanOrEqual(295);
    expect(await time('no.orders.at.all@example.com', '198.51.100.41')).toBeGreaterThanOrEqual(295);
  });
});

describe('the mailed link with Auth.js', () => {
  async function mailLink(email: string, domain = ACME, clientAddress = '198.51.100.60') {
    await requestMagicLink(deps(), { shop: shop(domain), email, clientAddress });
    const [mail] = await outbox(email);
    return linkIn(mail!.text)!;
  }

  it('signs in once, lands on the claim route of the shop it was requested for, and works only once', async () => {
    const url = await mailLink('ofd.olivia@example.com');
    const first = await openLink(url);
    expect(first.status).toBe(302);
    expect(first.location).toMatch(new RegExp(`^http://localhost:3000/t/${ACME}/claim/\\d+\\.[\\w-]{43}\\?next=`));
    expect(first.sessionCookie).toBeTruthy();
    const shopper = await readSignedInShopper(services, new Headers({ cookie: first.sessionCookie! }));
    expect(shopper?.email).toBe('ofd.olivia@example.com');

    const claim = new URL(first.location).pathname.split('/').pop()!;
    const now = new Date();
    expect(verifyShopClaim(services, claim, { shopId: shop(ACME).id, emailHash: shopper!.emailHash, now })).toBe(true);
    expect(verifyShopClaim(services, claim, { shopId: shop(NORDIC).id, emailHash: shopper!.emailHash, now })).toBe(false);
    expect(verifyShopClaim(services, claim, { shopId: shop(ACME).id, emailHash: hashEmailFor(services)(JANE_EMAIL)!, now })).toBe(false);
    expect(verifyShopClaim(services, claim, { shopId: shop(ACME).id, emailHash: shopper!.emailHash, now: new Date(Date.now() + 2 * 3600_000) })).toBe(false);

    const second = await openLink(url);
    expect(second.sessionCookie).toBeUndefined();
    expect(second.location).toMatch(/\/auth\/error\?error=Verification/);
  });

  it('refuses an expired link', async () => {
    const url = await mailLink('pickup.pat@example.com');
    await services.db
      .update(verificationTokens)
      .set({ expires: new Date(Date.now() - 1000) })
      .where(eq(verificationTokens.identifier, 'pickup.pat@example.com'));
    const opened = await openLink(url);
    expect(opened.sessionCookie).toBeUndefined();
    expect(opened.location).toMatch(/\/auth\/error\?error=Verification/);
  });

  it("refuses Auth.js's own send endpoint (every link goes through the send limits)", async () => {
    const csrf = await Auth(new Request('http://localhost:3000/api/auth/csrf'), createAuthConfig(services));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .join('; ');
    const request = new Request('http://localhost:3000/api/auth/signin/email', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ email: 'victim@example.com', csrfToken }),
    });
    const response = await Auth(request, createAuthConfig(services));
    expect(response.headers.get('location')).toMatch(/\/auth\/error\?error=AccessDenied/);
    expect(await outbox('victim@example.com')).toHaveLength(0);
    expect(await services.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, 'victim@example.com'))).toHaveLength(0);
  });

  it('gives the signed-in browser an email grant that lists that email’s orders in that shop only', async () => {
    const url = await mailLink(JANE_EMAIL, ACME, '198.51.100.61');
    const opened = await openLink(url);
    const browser = createShopperClient(services, { clientAddress: '198.51.100.61' });
    await browser.call((api) => api.orders.list({ shop: ACME })); // no session yet: nothing, and no cookie needed
    const signedIn = await readSignedInShopper(services, new Headers({ cookie: opened.sessionCookie! }));
    const { holderHashForToken, newShopperSession } = await import('../http/shopper-session');
    const session = newShopperSession(services);
    const holderHash = holderHashForToken(services, session.token);
    const claim = new URL(opened.location).pathname.split('/').pop()!;
    const redeem = (domain: string) =>
      redeemShopClaim(services, { shop: shop(domain), claim, holderHash, shopper: signedIn, clientAddress: '198.51.100.61', now: new Date() });
    // The claim names ACME: redeemed on NORDIC it grants nothing and counts nothing.
    expect(await redeem(NORDIC)).toBe(false);
    expect(await redeemShopClaim(services, { shop: shop(ACME), claim, holderHash, shopper: null, clientAddress: '198.51.100.61', now: new Date() })).toBe(
      false,
    );
    expect(await redeem(ACME)).toBe(true);
    browser.cookies.set('osa_session', session.token);
    const [name, value] = opened.sessionCookie!.split('=') as [string, string];
    browser.cookies.set(name, value);

    const acme = await browser.call((api) => api.orders.list({ shop: ACME }));
    const expected = knownOrdersFor(ACME, JANE_EMAIL).map((order) => order.name);
    expect(acme.orders).toHaveLength(HISTORY_PAGE_SIZE); // the first history page
    for (const order of acme.orders) expect(expected).toContain(order.orderName);
    const nordic = await browser.call((api) => api.orders.list({ shop: NORDIC }));
    expect(nordic.orders).toEqual([]);
    // The email grant also opens one of those orders through orders.get (the chat's door).
    const one = await browser.call((api) => api.orders.get({ shop: ACME, orderId: acme.orders[0]!.orderId }));
    expect(one.status).toBe('ok');

    // Audited both ways, and the dashboard sees the link sent and used (never on the shop it was not for).
    const audits = await services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'magic_link'), eq(auditEvents.clientHash, hashClientFor(services)('198.51.100.61')!)));
    expect(audits.map((a) => `${a.result}:${a.reason}`).sort()).toEqual(['failure:claim_mismatch', 'failure:not_signed_in', 'success:claimed', 'success:sent']);
    await services.analytics.flush();
    const events = await services.db
      .select()
      .from(analyticsEvents)
      .where(inArray(analyticsEvents.type, ['magic_link_sent', 'magic_link_used']));
    const used = events.filter((e) => e.type === 'magic_link_used');
    expect(used).toEqual([expect.objectContaining({ shopId: shop(ACME).id, door: 'email_link' })]);
    expect(used[0]!.conversationId).toMatch(/^s_/);
    expect(events.filter((e) => e.type === 'magic_link_sent' && e.shopId === shop(ACME).id).length).toBeGreaterThan(0);
    expect(events.filter((e) => e.shopId === shop(NORDIC).id && e.type === 'magic_link_used')).toEqual([]);

    // Signing out drops this browser's grants in the shop and ends the session.
    await signOutShopper(services, { sessionToken: signedIn!.sessionToken, holderHash, shopId: shop(ACME).id });
    expect((await browser.call((api) => api.orders.list({ shop: ACME }))).orders).toEqual([]);
    expect(await readSignedInShopper(services, new Headers({ cookie: opened.sessionCookie! }))).toBeNull();
  });
});

describe('listOrdersByEmail', () => {
  const historyDeps = (domain: string) => ({
    shopId: shop(domain).id,
    timeZone: shop(domain).timezone,
    now: new Date(),
    hashEmail: hashEmailFor(services),
    gateway: ordersByEmailGateway(services, shop(domain)),
    cache: services.cache,
  });

  it('pages through every order of the email, newest first, exact email only', async () => {
    const first = await listOrdersByEmail(historyDeps(ACME), JANE_EMAIL);
    if (!first.ok) throw new Error('unavailable');
    expect(first.orders).toHaveLength(HISTORY_PAGE_SIZE);
    const all = [...first.orders];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await listOrdersByEmail(historyDeps(ACME), JANE_EMAIL, cursor);
      if (!next.ok) throw new Error('unavailable');
      all.push(...next.orders);
      cursor = next.nextCursor;
    }
    expect(all.map((order) => order.orderName).sort()).toEqual(
      knownOrdersFor(ACME, JANE_EMAIL)
        .map((order) => order.name)
        .sort(),
    );
    const placed = all.map((order) => order.placedAt.at);
    expect(placed).toEqual([...placed].sort().reverse());
  });

  it('filters the +tag twin Shopify returns for a plain address', async () => {
    const john = await listOrdersByEmail(historyDeps(ACME), 'john@example.com');
    expect(john.ok && john.orders.map((order) => order.orderName)).toEqual(['#1002']);
  });
});
