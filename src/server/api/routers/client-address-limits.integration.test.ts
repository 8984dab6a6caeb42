import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startDemoShop, type DemoShop } from '../../../../demo-shop/server';
import { knownOrder } from '../../../../demo-shop/seed/known-orders';
import { createTestServices } from '../../../../test/support/test-services';
import { connectDemoShops } from '../../../../test/support/connect-demo-shops';
import { createShopperClient } from '../../../../test/support/shopper-client';
import { auditEvents, conversations } from '@/server/db/schema';
import type { AppEnv } from '@/env';
import type { Services } from '@/server/services';

/**
 * Per-address limits as an attacker meets them: every request goes through tRPC and the address function
 * production uses (services.clientAddresses), with the trust configuration each case names.
 */
const ACME = 'acme-outdoors.myshopify.com';
const ORDER = knownOrder('acme.in_transit');

let demo: DemoShop;
const opened: Services[] = [];
let oneHopDeployment: Promise<Services> | undefined;
/** One deployment behind one trusted proxy, shared by the cases that use distinct addresses. */
const oneHop = () => (oneHopDeployment ??= deployment({ TRUSTED_PROXIES: '1' }));

beforeAll(async () => {
  demo = await startDemoShop({ port: 0 });
});

afterAll(async () => {
  await Promise.all(opened.map((services) => services.close()));
  await demo?.close();
});

async function deployment(env: Partial<Record<keyof AppEnv, string>>): Promise<Services> {
  const services = await createTestServices(env);
  opened.push(services);
  await connectDemoShops(services, demo, [ACME]);
  return services;
}

type Shopper = Parameters<typeof createShopperClient>[1];
let guess = 0;
/** One failed verification from a fresh browser (so the per-session limit never decides), on its own order number. */
const fail = (services: Services, shopper: Shopper) =>
  createShopperClient(services, shopper).call((api) => api.orders.verify({ shop: ACME, orderReference: `#9${(guess += 1)}7731`, email: 'guess@example.com' }));
const verifyOwner = (services: Services, shopper: Shopper) =>
  createShopperClient(services, shopper).call((api) => api.orders.verify({ shop: ACME, orderReference: ORDER.name, email: ORDER.email! }));

describe('per-address verification limit', () => {
  it('behind one trusted proxy, a forged X-Forwarded-For chain does not escape the limit of the address the proxy saw', async () => {
    const services = await oneHop();
    // Each attempt claims a different origin; the proxy appends the attacker's real address last.
    const attempts = Array.from({ length: 20 }, (_, i) => fail(services, { forwardedFor: `10.0.${i}.1, 198.51.100.${i}, 203.0.113.66` }));
    for (const result of await Promise.all(attempts)) expect(result.status).toBe('not_verified');
    expect((await verifyOwner(services, { forwardedFor: '192.0.2.1, 203.0.113.66' })).status).toBe('locked');
    expect((await verifyOwner(services, { clientAddress: '203.0.113.66' })).status).toBe('locked');
    // Someone else, even one who names the locked address first, is not locked out.
    expect((await verifyOwner(services, { forwardedFor: '203.0.113.66, 203.0.113.67' })).status).toBe('verified');
  });

  it('with ranges of trusted proxies, the client is the right-most address outside them, however the chain is forged', async () => {
    const services = await deployment({ TRUSTED_PROXIES: '10.0.0.0/8, loopback' });
    const attempts = Array.from({ length: 20 }, (_, i) => fail(services, { forwardedFor: `10.${i}.0.9, 203.0.113.70, 10.0.0.${i + 1}, 127.0.0.1` }));
    for (const result of await Promise.all(attempts)) expect(result.status).toBe('not_verified');
    expect((await verifyOwner(services, { forwardedFor: '203.0.113.70, 10.9.9.9' })).status).toBe('locked');
    expect((await verifyOwner(services, { forwardedFor: '203.0.113.70, 203.0.113.71, 10.9.9.9' })).status).toBe('verified');
  });

  it('trusting nothing (the default), a client-sent address is ignored: no lockout by address, the per-session limit still holds', async () => {
    const services = await deployment({ TRUSTED_PROXIES: '' });
    const attempts = Array.from({ length: 21 }, () => fail(services, { clientAddress: '203.0.113.80' }));
    for (const result of await Promise.all(attempts)) expect(result.status).toBe('not_verified');
    expect((await verifyOwner(services, { clientAddress: '203.0.113.80' })).status).toBe('verified');

    const oneBrowser = createShopperClient(services, { clientAddress: '203.0.113.80' });
    const attempt = (email: string) => oneBrowser.call((api) => api.orders.verify({ shop: ACME, orderReference: '#97777', email }));
    for (let i = 0; i < 5; i += 1) expect((await attempt(`guess${i}@example.com`)).status).toBe('not_verified');
    expect((await attempt(ORDER.email!)).status).toBe('locked');

    // The audit log says "unknown" honestly: no client hash, not a hash of a shared placeholder.
    const audits = await services.db.select().from(auditEvents).where(eq(auditEvents.action, 'verify'));
    expect(audits.length).toBeGreaterThan(20);
    expect(audits.every((row) => row.clientHash === null)).toBe(true);
  });

  it('without an address (no header), 20+ failures from unknown clients do not lock out another unknown client', async () => {
    const services = await oneHop();
    const attempts = Array.from({ length: 25 }, () => fail(services, { clientAddress: null }));
    for (const result of await Promise.all(attempts)) expect(result.status).toBe('not_verified');
    expect((await verifyOwner(services, { clientAddress: null })).status).toBe('verified');
    // Malformed addresses are unknown too, not a bucket of their own.
    const malformed = ['unknown', '', '999.0.0.1', 'not an address'];
    const more = Array.from({ length: 21 }, (_, i) => fail(services, { forwardedFor: malformed[i % malformed.length]! }));
    for (const result of await Promise.all(more)) expect(result.status).toBe('not_verified');
    expect((await verifyOwner(services, { forwardedFor: 'unknown' })).status).toBe('verified');
  });

  it('counts every address of one IPv6 /64 as one client, and the next /64 as another', async () => {
    const services = await oneHop();
    const attempts = Array.from({ length: 20 }, (_, i) =>
      fail(services, { clientAddress: `2001:db8:5:6:${i.toString(16)}::${((i * 7919) % 65536).toString(16)}` }),
    );
    for (const result of await Promise.all(attempts)) expect(result.status).toBe('not_verified');
    expect((await verifyOwner(services, { clientAddress: '2001:db8:5:6:9::1' })).status).toBe('locked');
    expect((await verifyOwner(services, { clientAddress: '[2001:db8:5:6::77]:443' })).status).toBe('locked');
    expect((await verifyOwner(services, { clientAddress: '2001:db8:5:7::a' })).status).toBe('verified');
  });
});

describe('chat.start limit and unknown addresses', () => {
  it('limits a known address, and does not put unknown clients in one shared bucket', async () => {
    const services = await deployment({ TRUSTED_PROXIES: '1', CHAT_START_MAX_PER_CLIENT: '2' });
    const start = (shopper: Shopper) => createShopperClient(services, shopper).call((api) => api.chat.start({ shop: ACME, door: 'widget' }));
    for (let i = 0; i < 2; i += 1) await start({ forwardedFor: `198.51.100.${i}, 203.0.113.90` });
    await expect(start({ forwardedFor: '198.51.100.99, 203.0.113.90' })).rejects.toThrow(/try again in/);
    for (let i = 0; i < 4; i += 1) await start({ clientAddress: null });
    expect(await services.db.select().from(conversations)).toHaveLength(6);
  });
});
