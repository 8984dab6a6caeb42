import { describe, expect, it } from 'vitest';
import type { CurrentSubscription } from './plan-webhook-subscriptions';
import { reconcileWebhookSubscriptions, type MutationOutcome, type SubscriptionGateway } from './reconcile-webhook-subscriptions';
import { SUBSCRIBED_TOPICS } from './webhook-topics';

/** An in-memory shop that records the calls made and can answer with userErrors or fail. */
function fakeShop(initial: CurrentSubscription[] = [], answers: { create?: (topic: string, url: string) => MutationOutcome; list?: () => never } = {}) {
  let subs = [...initial];
  let next = 1;
  const calls: string[] = [];
  const gateway: SubscriptionGateway = {
    async list() {
      calls.push('list');
      if (answers.list) answers.list();
      return subs.map((sub) => ({ ...sub }));
    },
    async create(topic, callbackUrl) {
      calls.push(`create ${topic}`);
      const answer = answers.create?.(topic, callbackUrl);
      if (answer) return answer;
      subs.push({ id: `n${next++}`, topic, callbackUrl, format: 'JSON', includeFields: [], filter: null });
      return { ok: true };
    },
    async update(id, callbackUrl) {
      calls.push(`update ${id}`);
      subs = subs.map((sub) => (sub.id === id ? { ...sub, callbackUrl } : sub));
      return { ok: true };
    },
    async remove(id) {
      calls.push(`remove ${id}`);
      subs = subs.filter((sub) => sub.id !== id);
      return { ok: true };
    },
  };
  return { gateway, calls, subs: () => subs };
}

const APP_URL = 'https://wismo.example.com';

describe('reconcileWebhookSubscriptions', () => {
  it('creates what is missing, then a second run only lists', async () => {
    const shop = fakeShop();
    expect(await reconcileWebhookSubscriptions(shop.gateway, { appUrl: APP_URL })).toMatchObject({
      ok: true,
      complete: true,
      created: SUBSCRIBED_TOPICS.length,
    });
    shop.calls.length = 0;
    expect(await reconcileWebhookSubscriptions(shop.gateway, { appUrl: APP_URL })).toMatchObject({ ok: true, created: 0, moved: 0, removed: 0 });
    expect(shop.calls).toEqual(['list']);
  });

  it('a dry run lists, reports what is missing and changes nothing', async () => {
    const shop = fakeShop();
    const result = await reconcileWebhookSubscriptions(shop.gateway, { appUrl: APP_URL, dryRun: true });
    expect(result).toMatchObject({ ok: true, complete: false, missing: [...SUBSCRIBED_TOPICS] });
    expect(shop.calls).toEqual(['list']);
  });

  it('removes a narrowed subscription of ours before creating its replacement at the same address', async () => {
    const shop = fakeShop([{ id: 'x', topic: 'ORDERS_PAID', callbackUrl: `${APP_URL}/api/webhooks/shopify`, format: 'XML', includeFields: [], filter: null }]);
    await reconcileWebhookSubscriptions(shop.gateway, { appUrl: APP_URL });
    expect(shop.calls.indexOf('remove x')).toBeLessThan(shop.calls.indexOf('create ORDERS_PAID'));
  });

  it('treats "already been taken" as done (another instance subscribed first)', async () => {
    const shop = fakeShop([], {
      create: () => ({ ok: false, userErrors: [{ field: ['webhookSubscription', 'callbackUrl'], message: 'Address for this topic has already been taken' }] }),
    });
    expect(await reconcileWebhookSubscriptions(shop.gateway, { appUrl: APP_URL })).toMatchObject({ ok: true, created: SUBSCRIBED_TOPICS.length });
  });

  it('stops at the first refusal: an http APP_URL gets the fix spelled out, other refusals say what was refused', async () => {
    const refuse = () => ({ ok: false as const, userErrors: [{ field: null, message: 'Address protocol http:// is not supported' }] });
    const plain = fakeShop([], { create: refuse });
    const result = await reconcileWebhookSubscriptions(plain.gateway, { appUrl: 'http://wismo.example.test' });
    expect(result).toMatchObject({ ok: false, reason: 'callback_refused', created: 0 });
    expect(!result.ok && result.message).toContain('set APP_URL (now http://wismo.example.test)');
    expect(plain.calls).toEqual(['list', 'create ORDERS_CREATE']);

    const scoped = fakeShop([], { create: () => ({ ok: false, userErrors: [{ field: ['topic'], message: 'Access denied for topic' }] }) });
    expect(await reconcileWebhookSubscriptions(scoped.gateway, { appUrl: APP_URL })).toMatchObject({
      ok: false,
      reason: 'refused',
      message: expect.stringContaining('Access denied for topic'),
    });
  });

  it('reports an unreachable shop as a result and an unusable APP_URL before any call', async () => {
    const down = fakeShop([], {
      list: () => {
        throw Object.assign(new Error('boom'), { kind: 'unavailable' });
      },
    });
    expect(await reconcileWebhookSubscriptions(down.gateway, { appUrl: APP_URL })).toMatchObject({ ok: false, reason: 'unreachable' });
    const shop = fakeShop();
    expect(await reconcileWebhookSubscriptions(shop.gateway, { appUrl: 'wismo.example.com' })).toMatchObject({ ok: false, reason: 'invalid_app_url' });
    expect(shop.calls).toEqual([]);
  });
});
