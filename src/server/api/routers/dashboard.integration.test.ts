import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { knownOrder } from '../../../../demo-shop/seed/known-orders';
import { createShopperClient } from '../../../../test/support/shopper-client';
import { createShopMemberRepository } from '@/server/dashboard/shop-members';
import { sessions, users, verificationTokens, outboxMessages, analyticsEvents, analyticsInquiries, conversations, webhookDeliveries } from '@/server/db/schema';
import { applyRetention, applyRetentionOnSchedule } from '@/server/analytics/apply-retention';
import { readSignedInShopper, signOutShopper } from '@/server/auth/shopper-sign-in';
import { writeEventBatch } from '@/server/analytics/event-recorder';
import { requestMerchantSignIn } from '@/server/use-cases/dashboard/request-merchant-sign-in';
import { startDemoWorld, type DemoWorld } from '../../../../test/support/demo-world';
import type { Services } from '@/server/services';
import { eq } from 'drizzle-orm';

const ACME = 'acme-outdoors.myshopify.com';
const NORDIC = 'nordic-threads.myshopify.com';
const today = () => new Date().toISOString().slice(0, 10);

let world: DemoWorld;
let services: Services;
const shopIds = new Map<string, string>();

/** A browser signed in through Auth.js as `email` (a database session row, as the email callback creates). */
async function merchantClient(email: string) {
  const [existing] = await services.db.select().from(users).where(eq(users.email, email));
  const userId = existing?.id ?? crypto.randomUUID();
  if (!existing) await services.db.insert(users).values({ id: userId, email, emailVerified: new Date() });
  const token = crypto.randomUUID();
  await services.db.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + 3600_000) });
  const client = createShopperClient(services, { clientAddress: '192.0.2.50' });
  client.cookies.set('authjs.session-token', token);
  return client;
}

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
};

beforeAll(async () => {
  world = await startDemoWorld();
  ({ services } = world);
  for (const [domain, shop] of world.shops) shopIds.set(domain, shop.id);
  const members = createShopMemberRepository(services.db);
  await members.addMember({ shopId: shopIds.get(ACME)!, email: 'Owner@Acme.test', role: 'owner' });
  await members.addMember({ shopId: shopIds.get(ACME)!, email: 'helper@acme.test', role: 'member', invitedBy: 'owner@acme.test' });
  await members.addMember({ shopId: shopIds.get(NORDIC)!, email: 'owner@nordic.test', role: 'owner' });
});

afterAll(() => world?.close());

describe('dashboard membership', () => {
  it('lists only the shops the merchant belongs to', async () => {
    const owner = await merchantClient('owner@acme.test');
    const result = await owner.call((api) => api.dashboard.shops());
    expect(result.shops.map((s) => [s.domain, s.role])).toEqual([[ACME, 'owner']]);
  });

  it('refuses anonymous callers and other shops, whatever the spelling of the id', async () => {
    const anonymous = createShopperClient(services);
    expect(await codeOf(anonymous.call((api) => api.dashboard.overview({ shop: ACME })))).toBe('UNAUTHORIZED');
    const owner = await merchantClient('owner@acme.test');
    for (const shop of [
      NORDIC,
      'NORDIC-THREADS.myshopify.com',
      'nordic-threads',
      shopIds.get(NORDIC)!,
      'https://nordic-threads.myshopify.com/admin',
      'no-such-shop.myshopify.com',
    ]) {
      expect(await codeOf(owner.call((api) => api.dashboard.overview({ shop })))).toBe('NOT_FOUND');
      expect(await codeOf(owner.call((api) => api.dashboard.auditLog({ shop })))).toBe('NOT_FOUND');
      expect(await codeOf(owner.call((api) => api.dashboard.orderTimeline({ shop, orderNumber: knownOrder('nordic.delivered').name })))).toBe('NOT_FOUND');
    }
    expect(await codeOf(owner.call((api) => api.dashboard.overview({ shop: ACME })))).toBe('OK');
  });

  it('an expired session is signed out', async () => {
    const owner = await merchantClient('owner@acme.test');
    await services.db
      .update(sessions)
      .set({ expires: new Date(Date.now() - 1000) })
      .where(eq(sessions.sessionToken, owner.cookies.get('authjs.session-token')!));
    expect(await codeOf(owner.call((api) => api.dashboard.overview({ shop: ACME })))).toBe('UNAUTHORIZED');
  });

  it('signing out ends that session only: its cookie stops working, another browser stays in', async () => {
    const laptop = await merchantClient('owner@acme.test');
    const phone = await merchantClient('owner@acme.test');
    const token = laptop.cookies.get('authjs.session-token')!;
    const merchant = await readSignedInShopper(services, new Headers({ cookie: `authjs.session-token=${token}` }));
    await signOutShopper(services, { sessionToken: merchant!.sessionToken, holderHash: null, shopId: '' });
    expect(await codeOf(laptop.call((api) => api.dashboard.overview({ shop: ACME })))).toBe('UNAUTHORIZED');
    expect(await codeOf(phone.call((api) => api.dashboard.overview({ shop: ACME })))).toBe('OK');
  });

  it('members read; only owners change settings or invite', async () => {
    const helper = await merchantClient('helper@acme.test');
    expect(await codeOf(helper.call((api) => api.dashboard.overview({ shop: ACME })))).toBe('OK');
    const settings = await helper.call((api) => api.dashboard.settings({ shop: ACME }));
    expect(settings.liquidSnippet).toBeNull();
    expect(await codeOf(helper.call((api) => api.dashboard.updateSettings({ shop: ACME, brandColor: '#000000' })))).toBe('FORBIDDEN');
    expect(await codeOf(helper.call((api) => api.dashboard.invite({ shop: ACME, email: 'x@acme.test' })))).toBe('FORBIDDEN');
  });

  it('another shop’s conversation cannot be read by changing the conversation id', async () => {
    const shopper = createShopperClient(services, { clientAddress: '198.51.100.77' });
    const { conversationId } = await shopper.call((api) => api.chat.start({ shop: NORDIC, door: 'widget' }));
    const owner = await merchantClient('owner@acme.test');
    expect(await codeOf(owner.call((api) => api.dashboard.transcript({ shop: ACME, conversationId })))).toBe('NOT_FOUND');
    const nordicOwner = await merchantClient('owner@nordic.test');
    expect((await nordicOwner.call((api) => api.dashboard.transcript({ shop: NORDIC, conversationId }))).messages.length).toBeGreaterThan(0);
  });
});

describe('events through the real code paths', () => {
  it('a tracking-page lookup and a chat show up in the overview', async () => {
    const order = knownOrder('acme.in_transit');
    const page = createShopperClient(services, { clientAddress: '198.51.100.61' });
    expect((await page.call((api) => api.orders.verify({ shop: ACME, orderReference: order.name, email: 'wrong@example.com', door: 'page' }))).status).toBe(
      'not_verified',
    );
    expect((await page.call((api) => api.orders.verify({ shop: ACME, orderReference: order.name, email: order.email!, door: 'page' }))).status).toBe(
      'verified',
    );

    const chat = createShopperClient(services, { clientAddress: '198.51.100.62' });
    const { conversationId } = await chat.call((api) => api.chat.start({ shop: ACME, door: 'widget' }));
    await chat.call((api) => api.chat.send({ conversationId, text: `Where is my order ${order.name}? My email is ${order.email}` }));

    const owner = await merchantClient('owner@acme.test');
    const overview = await owner.call((api) => api.dashboard.overview({ shop: ACME, from: today(), to: today() }));
    expect(overview.funnel).toMatchObject({ questions: 2, lookupsAttempted: 2, verified: 2, answered: 2 });
    expect(overview.funnel.askedAgain).toBe(1); // the same order, asked again in the chat
    expect(overview.lookups.failuresByReason).toEqual([{ reason: expect.any(String), count: 1 }]);
    expect(overview.lookups).toMatchObject({ attempted: 3, succeeded: 2 });
    expect(overview.share).toEqual({ conversations: 1, aboutOrderStatus: 1, share: 1 });
    expect(overview.answerTimes.count).toBe(1);
    expect(overview.cache.shopifyCalls).toBeGreaterThanOrEqual(1);
    expect(overview.cache.cacheHits).toBeGreaterThanOrEqual(1);
    expect(overview.statusCategories).toEqual([{ category: 'in_transit', count: 2 }]);
    expect(overview.volume.map((v) => v.door).sort()).toEqual(['page', 'widget']);

    const timeline = await owner.call((api) => api.dashboard.orderTimeline({ shop: ACME, orderNumber: String(order.orderNumber) }));
    expect(timeline && !timeline.unavailable && timeline.order.orderName).toBe(order.name);
    if (!timeline || timeline.unavailable) return;
    expect(timeline.journey.length).toBeGreaterThan(1);
    expect(timeline.questions.map((q) => q.door)).toEqual(['page', 'widget']);
    expect(timeline.questions[1]!.answer).not.toMatch(/^Showed/);
    expect(timeline.questions[1]!.answer).not.toMatch(/^Hi!/); // the reply to the question, not the greeting

    const { rows: audit } = await owner.call((api) => api.dashboard.auditLog({ shop: ACME }));
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(order.email!);
    const rows = await services.db.select().from(analyticsEvents);
    expect(JSON.stringify(rows)).not.toContain(order.email!);
  });
});

describe('settings and invitations', () => {
  it('the owner changes the brand colour and storefront domains; the invitee gets a sign-in link', async () => {
    const owner = await merchantClient('owner@acme.test');
    const { settings } = await owner.call((api) =>
      api.dashboard.updateSettings({ shop: ACME, brandColor: '#0f766e', storefrontDomains: ['https://Shop.Example.com/', 'shop.example.com'] }),
    );
    expect(settings.brandColor).toBe('#0f766e');
    expect(settings.storefrontDomains).toEqual(['https://shop.example.com']);
    expect(await codeOf(owner.call((api) => api.dashboard.updateSettings({ shop: ACME, storefrontDomains: ['*.evil.test; script-src *'] })))).toBe(
      'BAD_REQUEST',
    );
    expect(settings.orderNameFormat).toBeDefined(); // other keys survive
    expect(await codeOf(owner.call((api) => api.dashboard.updateSettings({ shop: ACME, brandColor: 'red; background: url(x)' })))).toBe('BAD_REQUEST');

    await owner.call((api) => api.dashboard.invite({ shop: ACME, email: 'new.hire@acme.test' }));
    const mail = await services.db.select().from(outboxMessages).where(eq(outboxMessages.to, 'new.hire@acme.test'));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toMatch(/\/api\/auth\/callback\/email\?callbackUrl=%2Fdashboard&token=/);
    const tokens = await services.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, 'new.hire@acme.test'));
    expect(tokens).toHaveLength(1);
    expect(mail[0]!.text).not.toContain(tokens[0]!.token); // stored hashed
  });

  it('sign-in links go to members only, with the same answer for strangers', async () => {
    const member = await requestMerchantSignIn(services, { email: 'helper@acme.test', clientAddress: '192.0.2.9' });
    const stranger = await requestMerchantSignIn(services, { email: 'stranger@example.com', clientAddress: '192.0.2.9' });
    expect(stranger).toEqual(member);
    expect(await services.db.select().from(outboxMessages).where(eq(outboxMessages.to, 'stranger@example.com'))).toHaveLength(0);
    expect(await services.db.select().from(outboxMessages).where(eq(outboxMessages.to, 'helper@acme.test'))).toHaveLength(1);
  });
});

describe('data retention', () => {
  it('prunes webhook ids past the retry window on the shared schedule, once per interval across instances', async () => {
    const now = new Date();
    await services.db.insert(webhookDeliveries).values([
      { webhookId: 'old-delivery', shopDomain: ACME, topic: 'orders/updated', receivedAt: new Date(now.getTime() - 8 * 86_400_000) },
      { webhookId: 'recent-delivery', shopDomain: ACME, topic: 'orders/updated', receivedAt: new Date(now.getTime() - 86_400_000) },
    ]);
    await services.store.delete('retention:last-run');
    expect(await applyRetentionOnSchedule(services, now)).toBe(true);
    expect(await applyRetentionOnSchedule(services, now)).toBe(false);
    const ids = (await services.db.select({ id: webhookDeliveries.webhookId }).from(webhookDeliveries)).map((r) => r.id);
    expect(ids).toContain('recent-delivery');
    expect(ids).not.toContain('old-delivery');
  });

  it('deletes conversations and events older than the shop’s retention, keeps newer ones', async () => {
    const shopId = shopIds.get(NORDIC)!;
    await services.analytics.flush();
    const old = new Date(Date.now() - 400 * 86_400_000);
    await writeEventBatch(services.db, [{ shopId, at: old, type: 'answer_sent', door: 'widget', latencyMs: 5, conversationId: 'old-inquiry' }]);
    const inquiries = () => services.db.select({ id: analyticsInquiries.inquiryId }).from(analyticsInquiries).where(eq(analyticsInquiries.shopId, shopId));
    expect((await inquiries()).map((i) => i.id)).toContain('old-inquiry');
    const [conversation] = await services.db
      .insert(conversations)
      .values({ shopId, holderHash: 'h', door: 'widget', lastMessageAt: old, createdAt: old })
      .returning();
    const before = (await services.db.select().from(analyticsEvents).where(eq(analyticsEvents.shopId, shopId))).length;
    const result = await applyRetention(services, shopId);
    expect(result).toEqual({ conversations: 1, events: 1 });
    expect((await services.db.select().from(analyticsEvents).where(eq(analyticsEvents.shopId, shopId))).length).toBe(before - 1);
    expect(await services.db.select().from(conversations).where(eq(conversations.id, conversation!.id))).toHaveLength(0);
    expect((await services.db.select().from(conversations).where(eq(conversations.shopId, shopId))).length).toBeGreaterThan(0);
    const kept = (await inquiries()).map((i) => i.id);
    expect(kept).not.toContain('old-inquiry');
    expect(kept.length).toBeGreaterThan(0);
  });
});
