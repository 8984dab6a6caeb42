import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestServices } from '../../../test/support/test-services';
import type { Services } from '@/server/services';
import { auditEvents, conversations, grants, messages, orderSnapshots, users } from '@/server/db/schema';
import { orderCacheKey, orderNameCacheKey } from '@/domain/orders/order-cache-keys';
import { handleShopifyWebhook } from '@/domain/webhooks/handle-shopify-webhook';
import type { CustomerDataExport, WebhookDeps } from '@/domain/webhooks/webhook-deps';
import type { Shop } from '@/domain/shops/shop';
import { signTestWebhook } from '../../../test/support/sign-test-webhook';
import { webhookFixtures } from '../../../test/support/webhook-test-fixtures';

const SECRET = 'compliance-secret';
let services: Services;
let f: ReturnType<typeof webhookFixtures>;

beforeAll(async () => {
  services = await createTestServices({ SHOPIFY_API_SECRET: SECRET });
});
afterAll(async () => services?.close());
beforeEach(() => {
  f = webhookFixtures(services);
});

const send = (topic: string, shop: Shop, body: unknown, deps: WebhookDeps = f.deps) =>
  handleShopifyWebhook(deps, signTestWebhook({ topic, shop: shop.domain, body, secret: SECRET }));

/**
 * Shopper Jane (customer 501) has three orders, each findable by one key only: #1001 by order id (named in
 * the payload), #1002 by email hash, #1003 by customer id. Bob in the same shop, and Jane's own rows in
 * another shop, must survive her redaction.
 */
async function seedTwoShoppers() {
  const [shop, otherShop] = [await f.makeShop(), await f.makeShop()];
  await f.seedOrder(shop, { id: '1001', name: '#1001' });
  await f.seedOrder(shop, { id: '1002', name: '#1002', email: 'Jane@Example.com ' });
  await f.seedOrder(shop, { id: '1003', name: '#1003', customerId: '501' });
  await f.seedOrder(shop, { id: '2001', name: '#2001', email: 'bob@example.com', customerId: '502' });
  await f.seedOrder(otherShop, { id: '1002', name: '#1002', email: 'jane@example.com', customerId: '501' });
  for (const s of [shop, otherShop]) {
    await f.seedGrant(s, 'order', '1001');
    await f.seedGrant(s, 'email', f.hashEmail('jane@example.com'));
    await f.seedGrant(s, 'customer', '501');
    await f.seedAudit(s, 'jane@example.com', '1002');
    await f.seedAudit(s, 'jane@example.com', null);
  }
  await f.seedGrant(shop, 'order', '2001');
  await f.seedGrant(shop, 'email', f.hashEmail('bob@example.com'));
  await f.seedAudit(shop, 'bob@example.com', '2001');
  await f.seedAudit(shop, null, '1003');
  return { shop, otherShop };
}

const janeRedact = (shop: Shop) => ({
  shop_id: 954889,
  shop_domain: shop.domain,
  customer: { id: 501, email: 'JANE@example.com', phone: '555-625-1199' },
  orders_to_redact: [1001],
});

describe('customers/redact', () => {
  it("erases exactly that shopper's snapshots, cache entries and grants, and anonymises her audit rows", async () => {
    const { shop, otherShop } = await seedTwoShoppers();
    const result = await send('customers/redact', shop, janeRedact(shop));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ erased: { snapshots: 3, grants: 3, auditEventsAnonymised: 3, conversations: 0 } });

    expect(await f.snapshotIds(shop)).toEqual(['2001']);
    for (const id of ['1001', '1002', '1003']) {
      expect(await f.cached(orderCacheKey(shop.id, id))).toBeNull();
      expect(await f.cached(orderNameCacheKey(shop.id, id))).toBeNull();
    }
    expect(await f.cached(orderCacheKey(shop.id, '2001'))).not.toBeNull();
    expect(await f.grantSubjects(shop)).toEqual(['2001', f.hashEmail('bob@example.com')].sort());

    const audit = await f.auditRows(shop);
    expect(audit).toHaveLength(4);
    const janeHash = f.hashEmail('jane@example.com');
    expect(audit.some((r) => r.emailHash === janeHash || r.orderId === '1002' || r.orderId === '1003')).toBe(false);
    expect(audit.filter((r) => r.emailHash === null && r.clientHash === null && r.orderId === null)).toHaveLength(3);
    expect(audit.find((r) => r.orderId === '2001')?.emailHash).toBe(f.hashEmail('bob@example.com'));

    // The same person in another shop is another shop's data: untouched.
    expect(await f.snapshotIds(otherShop)).toEqual(['1002']);
    expect(await f.grantSubjects(otherShop)).toHaveLength(3);
    expect((await f.auditRows(otherShop)).filter((r) => r.emailHash === janeHash)).toHaveLength(2);
    expect(await f.cached(orderCacheKey(otherShop.id, '1002'))).not.toBeNull();
    expect(f.logs.join('\n')).not.toMatch(/jane|555-625/i);
  });

  it('a payload naming nobody we know erases nothing (no unfiltered delete)', async () => {
    const { shop } = await seedTwoShoppers();
    const body = { shop_domain: shop.domain, customer: { email: 'not an email' }, orders_to_redact: [] };
    expect((await send('customers/redact', shop, body)).body).toMatchObject({ erased: { snapshots: 0, grants: 0, auditEventsAnonymised: 0 } });
    expect(await f.snapshotIds(shop)).toHaveLength(4);
  });

  it("erases the conversations of the sessions that verified that shopper's orders, and their sign-in account", async () => {
    const { shop, otherShop } = await seedTwoShoppers();
    const grant = (target: Shop, holderHash: string, subject: string) =>
      services.db.insert(grants).values({ holderHash, shopId: target.id, kind: 'order', subject, door: 'widget', expiresAt: new Date(Date.now() + 3600_000) });
    await grant(shop, 'jane-session', '1001');
    await grant(shop, 'bob-session', '2001');
    const [janeChat] = await services.db.insert(conversations).values({ shopId: shop.id, holderHash: 'jane-session', door: 'widget' }).returning();
    await services.db.insert(messages).values({ conversationId: janeChat!.id, role: 'shopper', text: 'where is #1001?' });
    await services.db.insert(conversations).values({ shopId: shop.id, holderHash: 'bob-session', door: 'widget' });
    await services.db.insert(conversations).values({ shopId: otherShop.id, holderHash: 'jane-session', door: 'widget' });
    await services.db.insert(users).values([{ email: 'jane@example.com' }, { email: 'bob@example.com' }]);

    const result = await send('customers/redact', shop, janeRedact(shop));
    expect(result.body).toMatchObject({ erased: { conversations: 1, signInAccounts: 1 } });
    const left = await services.db.select({ shopId: conversations.shopId, holderHash: conversations.holderHash }).from(conversations);
    expect(left).toEqual(
      expect.arrayContaining([
        { shopId: shop.id, holderHash: 'bob-session' },
        { shopId: otherShop.id, holderHash: 'jane-session' },
      ]),
    );
    expect(left.filter((row) => row.shopId === shop.id && row.holderHash === 'jane-session')).toEqual([]);
    expect(await services.db.select().from(messages).where(eq(messages.conversationId, janeChat!.id))).toEqual([]);
    expect((await services.db.select({ email: users.email }).from(users)).map((row) => row.email)).toEqual(['bob@example.com']);
  });

  it('is honoured for an uninstalled shop (it arrives after uninstall too)', async () => {
    const { shop } = await seedTwoShoppers();
    await services.shops.markShopUninstalled(shop.domain);
    expect((await send('customers/redact', shop, janeRedact(shop))).body).toMatchObject({ erased: { snapshots: 3 } });
  });
});

describe('shop/redact', () => {
  it("removes everything of that shop and nothing of another shop's", async () => {
    const { shop, otherShop } = await seedTwoShoppers();
    await services.shops.markShopUninstalled(shop.domain);
    const result = await send('shop/redact', shop, { shop_id: 954889, shop_domain: shop.domain });
    expect(result.body).toMatchObject({ ok: true, deleted: true });
    expect(await services.shops.findShopByDomain(shop.domain)).toBeNull();
    expect(await services.db.select().from(orderSnapshots).where(eq(orderSnapshots.shopId, shop.id))).toEqual([]);
    expect(await services.db.select().from(grants).where(eq(grants.shopId, shop.id))).toEqual([]);
    expect(await services.db.select().from(auditEvents).where(eq(auditEvents.shopId, shop.id))).toEqual([]);

    expect(await services.shops.findShopByDomain(otherShop.domain)).not.toBeNull();
    expect(await f.snapshotIds(otherShop)).toEqual(['1002']);
    expect(await f.grantSubjects(otherShop)).toHaveLength(3);
    expect(await f.auditRows(otherShop)).toHaveLength(2);

    // Shopify may repeat it (new delivery id): the shop is now unknown, acknowledged so retries stop.
    expect((await send('shop/redact', shop, { shop_id: 954889, shop_domain: shop.domain })).body).toEqual({ ok: true, ignored: 'unknown_shop' });
  });
});

describe('customers/data_request', () => {
  it("exports that shopper's order views, audit activity and grants to the merchant, without other shoppers' data", async () => {
    const { shop } = await seedTwoShoppers();
    const body = {
      shop_id: 954889,
      shop_domain: shop.domain,
      orders_requested: [1001],
      customer: { id: 501, email: 'jane@example.com', phone: '555-625-1199' },
      data_request: { id: 9999 },
    };
    const result = await send('customers/data_request', shop, body, { ...f.deps, now: () => new Date('2025-06-15T12:00:00Z') });
    expect(result.status).toBe(200);
    expect(f.exports).toHaveLength(1);
    const data = f.exports[0] as CustomerDataExport;
    expect(data).toMatchObject({ shopDomain: shop.domain, dataRequestId: '9999', customerId: '501', generatedAt: '2025-06-15T12:00:00.000Z' });
    expect(data.orders.map((o) => o.orderName).sort()).toEqual(['#1001', '#1002', '#1003']);
    expect(data.orders[0]?.view).toEqual({ status: 'shipped', firstName: 'Jo' });
    expect(data.auditEvents.count).toBe(3);
    expect(data.auditEvents.first).toMatch(/^\d{4}-/);
    expect(data.grants.map((g) => g.kind).sort()).toEqual(['customer', 'email', 'order']);
    expect(JSON.stringify(data)).not.toMatch(/holder|2001|bob/);
    // Nothing was erased by a data request.
    expect(await f.snapshotIds(shop)).toHaveLength(4);
  });
});
