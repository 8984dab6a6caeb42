import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoShop } from '../../../../demo-shop/server';
import { knownOrder } from '../../../../demo-shop/seed/known-orders';
import type { Shop } from '@/domain/shops/shop';
import { createShopperClient } from '../../../../test/support/shopper-client';
import { holderHashForToken } from '@/server/http/shopper-session';
import { randomToken } from '@/server/crypto/secrets';
import { analyticsEvents, auditEvents } from '@/server/db/schema';
import { startDemoWorld, type DemoWorld } from '../../../../test/support/demo-world';
import type { Services } from '@/server/services';
import { openDeepLink, shopDeepLinkSecret } from './open-deep-link';

const ACME = 'acme-outdoors.myshopify.com';
const NORDIC = 'nordic-threads.myshopify.com';
let demo: DemoShop;
let world: DemoWorld;
let services: Services;
let shops: Map<string, Shop>;

beforeAll(async () => {
  world = await startDemoWorld();
  ({ demo, services, shops } = world);
});

afterAll(() => world?.close());

const orderId = (domain: string, key: string) => String(demo.data.findOrder(domain, knownOrder(key).name)!.id);

/** What the merchant's Liquid snippet yields: hmac_sha256 of "{id}.{expires}" with the shop secret, lowercase hex. */
function liquidLink(domain: string, id: string, expiresInSeconds = 90 * 86_400) {
  const expires = String(Math.floor(Date.now() / 1000) + expiresInSeconds);
  const signature = createHmac('sha256', shopDeepLinkSecret(services, shops.get(domain)!))
    .update(`${id}.${expires}`)
    .digest('hex');
  return `${id}.${expires}.${signature}`;
}

async function browserOpening(domain: string, token: string) {
  const browser = createShopperClient(services, { clientAddress: '198.51.100.77' });
  const sessionToken = randomToken(32);
  browser.cookies.set('osa_session', sessionToken);
  const result = await openDeepLink(services, {
    shop: shops.get(domain)!,
    token,
    holderHash: holderHashForToken(services, sessionToken),
    clientAddress: '198.51.100.77',
  });
  return { browser, result };
}

async function deepLinkEvents(domain: string) {
  await services.analytics.flush();
  return services.db
    .select()
    .from(analyticsEvents)
    .where(and(eq(analyticsEvents.shopId, shops.get(domain)!.id), eq(analyticsEvents.type, 'deep_link_opened')));
}

describe('openDeepLink', () => {
  it('opens the order a Liquid-minted link names, for this browser only', async () => {
    const id = orderId(ACME, 'acme.in_transit');
    const { browser, result } = await browserOpening(ACME, liquidLink(ACME, id));
    expect(result).toEqual({ ok: true, orderId: id });
    const page = await browser.call((api) => api.orders.get({ shop: ACME, orderId: id, door: 'page' }));
    expect(page.status).toBe('ok');
    if (page.status === 'ok') expect(page.order.orderName).toBe(knownOrder('acme.in_transit').name);
    // The grant is for that order only.
    await expect(browser.call((api) => api.orders.get({ shop: ACME, orderId: orderId(ACME, 'acme.delivered') }))).rejects.toThrow(/not available/);
    const stranger = createShopperClient(services, { clientAddress: '198.51.100.78' });
    await expect(stranger.call((api) => api.orders.get({ shop: ACME, orderId: id }))).rejects.toThrow(/not available/);
    // The dashboard counts it: one deep-link inquiry for that order, through the email door.
    const opened = await deepLinkEvents(ACME);
    expect(opened.filter((e) => e.orderId === id)).toEqual([expect.objectContaining({ door: 'email_link', orderId: id })]);
    expect(opened[0]!.conversationId).toMatch(/^s_/);
  });

  it('refuses tampered, expired and other-shop links, grants nothing and audits each', async () => {
    const countedBefore = (await deepLinkEvents(ACME)).length + (await deepLinkEvents(NORDIC)).length;
    const id = orderId(ACME, 'acme.split_shipment');
    const valid = liquidLink(ACME, id);
    const [, expires, signature] = valid.split('.') as [string, string, string];
    const other = orderId(ACME, 'acme.delivered');
    const cases: Array<[string, string, string]> = [
      [ACME, `${other}.${expires}.${signature}`, 'bad_signature'],
      [ACME, liquidLink(ACME, id, -60), 'expired'],
      [NORDIC, liquidLink(ACME, orderId(NORDIC, 'nordic.in_transit')), 'bad_signature'],
      [ACME, `${id}.${expires}.${signature.slice(0, -1)}`, 'malformed'],
    ];
    for (const [domain, token, reason] of cases) {
      const { browser, result } = await browserOpening(domain, token);
      expect(result).toEqual({ ok: false, reason });
      expect((await browser.call((api) => api.orders.list({ shop: domain }))).orders).toEqual([]);
      const rows = await services.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'deep_link'), eq(auditEvents.reason, reason), eq(auditEvents.shopId, shops.get(domain)!.id)));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.result === 'failure' && row.orderId === null)).toBe(true);
    }
    expect((await deepLinkEvents(ACME)).length + (await deepLinkEvents(NORDIC)).length).toBe(countedBefore);
  });
});
