import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices } from '../../../test/support/test-services';
import type { Services } from '@/server/services';
import { orderCacheKey, orderNameCacheKey } from '@/domain/orders/order-cache-keys';
import { handleShopifyWebhook } from '@/domain/webhooks/handle-shopify-webhook';
import { signTestWebhook, type TestWebhook } from '../../../test/support/sign-test-webhook';
import { webhookFixtures } from '../../../test/support/webhook-test-fixtures';

const SECRET = 'hush';
let services: Services;
let f: ReturnType<typeof webhookFixtures>;
let n = 0;

beforeAll(async () => {
  services = await createTestServices({ SHOPIFY_API_SECRET: SECRET });
});
afterAll(async () => services?.close());
beforeEach(() => {
  f = webhookFixtures(services);
  n++;
});

const send = (input: Omit<TestWebhook, 'secret'> & { secret?: string }) => handleShopifyWebhook(f.deps, signTestWebhook({ secret: SECRET, ...input }));
const makeShop = (options?: { webhookSecret?: string }) => f.makeShop(options);
const seedOrder: typeof f.seedOrder = (...args) => f.seedOrder(...args);
const seedGrant: typeof f.seedGrant = (...args) => f.seedGrant(...args);
const cached = (key: string) => f.cached(key);
const snapshotIds: typeof f.snapshotIds = (shop) => f.snapshotIds(shop);
const grantSubjects: typeof f.grantSubjects = (shop) => f.grantSubjects(shop);
const deliveryExists = (id: string) => f.deliveryExists(id);

describe('order webhooks', () => {
  it('orders/updated drops that order and its name from the cache, keeps the snapshot and other orders', async () => {
    const shop = await makeShop();
    await seedOrder(shop, { id: '5512345000001', name: '#1001' });
    await seedOrder(shop, { id: '5512345000002', name: '#1002' });
    const result = await send({ topic: 'orders/updated', shop: shop.domain, body: { id: 5512345000001, name: '#1001', email: 'jo@example.com' } });
    expect(result.status).toBe(200);
    expect(await cached(orderCacheKey(shop.id, '5512345000001'))).toBeNull();
    expect(await cached(orderNameCacheKey(shop.id, '1001'))).toBeNull();
    expect(await cached(orderCacheKey(shop.id, '5512345000002'))).not.toBeNull();
    expect(await cached(orderNameCacheKey(shop.id, '1002'))).not.toBeNull();
    expect(await snapshotIds(shop)).toEqual(['5512345000001', '5512345000002']);
    expect(f.logs.join('\n')).not.toContain('jo@example.com');
    expect(f.logs.some((l) => l.includes(shop.domain) && l.includes('orders/updated'))).toBe(true);
  });

  it('fulfillment topics find the order name through the snapshot (prefixed/suffixed names too)', async () => {
    const shop = await makeShop();
    await seedOrder(shop, { id: '7000000000001', name: 'NT-1001' });
    await seedOrder(shop, { id: '7000000000002', name: '2002-EU' });
    expect((await send({ topic: 'fulfillments/update', shop: shop.domain, body: { id: 1, order_id: 7000000000001, status: 'success' } })).status).toBe(200);
    expect((await send({ topic: 'fulfillment_events/create', shop: shop.domain, body: { id: 2, order_id: 7000000000002, status: 'delivered' } })).status).toBe(
      200,
    );
    for (const key of [
      orderCacheKey(shop.id, '7000000000001'),
      orderNameCacheKey(shop.id, '1001'),
      orderCacheKey(shop.id, '7000000000002'),
      orderNameCacheKey(shop.id, '2002'),
    ]) {
      expect(await cached(key)).toBeNull();
    }
  });

  it('keeps 64-bit ids exact (the §6.3 vector body as orders/create)', async () => {
    const shop = await makeShop();
    await seedOrder(shop, { id: '820982911946154508', name: '#9999' });
    const body = '{"id":820982911946154508,"email":"jon@example.com","name":"#9999"}';
    expect((await send({ topic: 'orders/create', shop: shop.domain, body })).status).toBe(200);
    expect(await cached(orderCacheKey(shop.id, '820982911946154508'))).toBeNull();
  });
});

describe('forgery', () => {
  it('a forged signature gets 401 and changes nothing (cache, snapshot, dedupe table)', async () => {
    const shop = await makeShop();
    await seedOrder(shop, { id: '5512345000001', name: '#1001' });
    const result = await send({
      topic: 'orders/updated',
      shop: shop.domain,
      body: { id: 5512345000001, name: '#1001' },
      webhookId: 'forged-1',
      secret: 'not-the-secret',
    });
    expect(result.status).toBe(401);
    expect(await cached(orderCacheKey(shop.id, '5512345000001'))).not.toBeNull();
    expect(await cached(orderNameCacheKey(shop.id, '1001'))).not.toBeNull();
    expect(await snapshotIds(shop)).toEqual(['5512345000001']);
    expect(await deliveryExists('forged-1')).toBe(false);
  });

  it('a tampered body under a valid signature of another body gets 401', async () => {
    const shop = await makeShop();
    await seedOrder(shop, { id: '5512345000001', name: '#1001' });
    await seedGrant(shop, 'order', '5512345000001');
    const genuine = signTestWebhook({ topic: 'orders/updated', shop: shop.domain, body: { id: 1, name: '#1' }, secret: SECRET });
    const tampered = signTestWebhook({
      topic: 'customers/redact',
      shop: shop.domain,
      body: { shop_domain: shop.domain, customer: { id: 1 }, orders_to_redact: [5512345000001] },
      secret: SECRET,
      hmac: genuine.headers.get('x-shopify-hmac-sha256')!,
      webhookId: 'tampered-1',
    });
    expect((await handleShopifyWebhook(f.deps, tampered)).status).toBe(401);
    expect(await snapshotIds(shop)).toEqual(['5512345000001']);
    expect(await grantSubjects(shop)).toEqual(['5512345000001']);
    expect(await deliveryExists('tampered-1')).toBe(false);
  });

  it('a shop with its own secret refuses the app secret; an unknown shop is checked against the app secret', async () => {
    const shop = await makeShop({ webhookSecret: 'custom-app-secret' });
    await seedOrder(shop, { id: '1', name: '#1' });
    expect((await send({ topic: 'orders/updated', shop: shop.domain, body: { id: 1 } })).status).toBe(401);
    expect(await cached(orderCacheKey(shop.id, '1'))).not.toBeNull();
    expect((await send({ topic: 'orders/updated', shop: shop.domain, body: { id: 1 }, secret: 'custom-app-secret' })).status).toBe(200);
    expect(await cached(orderCacheKey(shop.id, '1'))).toBeNull();

    expect((await send({ topic: 'orders/updated', shop: 'nobody.myshopify.com', body: { id: 1 }, secret: 'x' })).status).toBe(401);
    const unknown = await send({ topic: 'orders/updated', shop: 'nobody.myshopify.com', body: { id: 1 } });
    expect(unknown).toEqual({ status: 200, body: { ok: true, ignored: 'unknown_shop' } });
  });

  it('a signed compliance body replayed under another shop header is refused', async () => {
    const [a, b] = [await makeShop(), await makeShop()];
    await seedOrder(b, { id: '42', name: '#42' });
    const result = await send({ topic: 'shop/redact', shop: b.domain, body: { shop_id: 1, shop_domain: a.domain } });
    expect(result.status).toBe(400);
    expect(await services.shops.findShopByDomain(a.domain)).not.toBeNull();
    expect(await services.shops.findShopByDomain(b.domain)).not.toBeNull();
  });
});

describe('request shape', () => {
  it('405 for other methods, 400 for missing headers, 400 for bad JSON or payload after the HMAC passed', async () => {
    const shop = await makeShop();
    const ok = signTestWebhook({ topic: 'orders/updated', shop: shop.domain, body: { id: 1 }, secret: SECRET });
    expect((await handleShopifyWebhook(f.deps, { ...ok, method: 'GET' })).status).toBe(405);
    const noId = new Headers(ok.headers);
    noId.delete('x-shopify-webhook-id');
    expect((await handleShopifyWebhook(f.deps, { ...ok, headers: noId })).status).toBe(400);
    expect((await send({ topic: 'orders/updated', shop: shop.domain, body: '{"id":' })).status).toBe(400);
    expect((await send({ topic: 'orders/updated', shop: shop.domain, body: { name: '#1' } })).status).toBe(400);
    expect((await send({ topic: 'customers/redact', shop: shop.domain, body: { shop_domain: shop.domain } })).status).toBe(400);
    expect((await send({ topic: 'products/update', shop: shop.domain, body: { id: 1 } })).body).toEqual({ ok: true, ignored: 'unsupported_topic' });
  });

  it('an unsigned webhook is an authentication failure: 401 with the same answer as a forged one, nothing written', async () => {
    const shop = await makeShop();
    await seedOrder(shop, { id: '7', name: '#7' });
    const forged = await send({ topic: 'orders/updated', shop: shop.domain, body: { id: 7 }, secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const signed = signTestWebhook({ topic: 'orders/updated', shop: shop.domain, body: { id: 7 }, secret: SECRET });
    for (const value of [null, '', '   ']) {
      const headers = new Headers(signed.headers);
      if (value === null) headers.delete('x-shopify-hmac-sha256');
      else headers.set('x-shopify-hmac-sha256', value);
      expect(await handleShopifyWebhook(f.deps, { ...signed, headers })).toEqual(forged);
      // Also when every other Shopify header is missing: authentication comes first.
      expect(await handleShopifyWebhook(f.deps, { ...signed, headers: new Headers(value === null ? {} : { 'x-shopify-hmac-sha256': value }) })).toEqual(forged);
    }
    expect(await cached(orderCacheKey(shop.id, '7'))).not.toBeNull();
  });
});

describe('dedupe', () => {
  it('processes a delivery once; a duplicate is acknowledged without processing', async () => {
    const shop = await makeShop();
    await seedOrder(shop, { id: '10', name: '#10' });
    const delivery = { topic: 'orders/updated', shop: shop.domain, body: { id: 10, name: '#10' }, webhookId: `dup-${n}` };
    expect((await send(delivery)).body).toMatchObject({ ok: true, topic: 'orders/updated' });
    await services.store.set(orderCacheKey(shop.id, '10'), '{"orderId":"10"}', 600_000);
    expect(await send(delivery)).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    expect(await cached(orderCacheKey(shop.id, '10'))).not.toBeNull();
  });

  it('a failed processing answers 500 and forgets the id, so the retry is processed', async () => {
    const shop = await makeShop();
    await seedOrder(shop, { id: '11', name: '#11' });
    const failing = {
      ...f.deps,
      cache: {
        delete: async () => {
          throw new Error('boom');
        },
      },
    };
    const delivery = signTestWebhook({ topic: 'orders/updated', shop: shop.domain, body: { id: 11 }, secret: SECRET, webhookId: `retry-${n}` });
    expect((await handleShopifyWebhook(failing, delivery)).status).toBe(500);
    expect(await deliveryExists(`retry-${n}`)).toBe(false);
    expect((await handleShopifyWebhook(f.deps, delivery)).status).toBe(200);
    expect(await cached(orderCacheKey(shop.id, '11'))).toBeNull();
  });
});

describe('app/uninstalled', () => {
  it('marks the shop uninstalled, deletes its grants, and later order webhooks are ignored', async () => {
    const [shop, other] = [await makeShop(), await makeShop()];
    await seedGrant(shop, 'order', '1');
    await seedGrant(other, 'order', '1');
    const uninstalledAt = new Date(shop.installedAt.getTime() + 60_000);
    const delivery = signTestWebhook({
      secret: SECRET,
      topic: 'app/uninstalled',
      shop: shop.domain,
      body: { id: 1, myshopify_domain: shop.domain, domain: 'shop.example' },
    });
    const result = await handleShopifyWebhook({ ...f.deps, now: () => uninstalledAt }, delivery);
    expect(result.body).toMatchObject({ marked: true, grantsDeleted: 1 });
    // Stamped with the handler's clock.
    expect((await services.shops.findShopByDomain(shop.domain))?.uninstalledAt).toEqual(uninstalledAt);
    expect((await services.shops.listShops()).map((s) => s.domain)).not.toContain(shop.domain);
    expect(await grantSubjects(shop)).toEqual([]);
    expect(await grantSubjects(other)).toEqual(['1']);
    expect((await services.shops.findShopByDomain(other.domain))?.uninstalledAt).toBeNull();
    expect((await send({ topic: 'orders/updated', shop: shop.domain, body: { id: 1 } })).body).toMatchObject({ ignored: 'shop_uninstalled' });
  });

  it('ignores a late delivery triggered before the latest (re)install', async () => {
    const shop = await makeShop();
    const result = await send({
      topic: 'app/uninstalled',
      shop: shop.domain,
      body: { myshopify_domain: shop.domain },
      triggeredAt: new Date(shop.installedAt.getTime() - 60_000),
    });
    expect(result.body).toMatchObject({ stale: true, marked: false });
    expect((await services.shops.findShopByDomain(shop.domain))?.uninstalledAt).toBeNull();
  });
});
