import { describe, expect, it } from 'vitest';
import { isPlanEmpty, planWebhookSubscriptions, type CurrentSubscription } from './plan-webhook-subscriptions';
import { SUBSCRIBED_TOPICS, topicToGraphqlEnum, webhookCallbackUrl } from './webhook-topics';

const OURS = 'https://wismo.example.com/api/webhooks/shopify';
const OLD = 'https://old-host.example.net/api/webhooks/shopify';
const OTHER = 'https://erp.example.org/hooks/shopify';
let next = 0;
const sub = (topic: string, callbackUrl: string | null, extra: Partial<CurrentSubscription> = {}): CurrentSubscription => ({
  id: `gid://shopify/WebhookSubscription/${++next}`,
  topic: topicToGraphqlEnum(topic),
  callbackUrl,
  format: 'JSON',
  includeFields: [],
  filter: null,
  ...extra,
});
const complete = () => SUBSCRIBED_TOPICS.map((topic) => sub(topic, OURS));

describe('planWebhookSubscriptions', () => {
  it('creates every topic for a shop with no subscriptions', () => {
    const plan = planWebhookSubscriptions([], SUBSCRIBED_TOPICS, OURS);
    expect(plan.create).toEqual([...SUBSCRIBED_TOPICS]);
    expect([plan.move, plan.remove, plan.keep]).toEqual([[], [], []]);
  });

  it('is empty for a complete set, and for the outcome of its own plan (idempotent)', () => {
    expect(isPlanEmpty(planWebhookSubscriptions(complete(), SUBSCRIBED_TOPICS, OURS))).toBe(true);
    const withStale = [sub('orders/cancelled', OLD), ...complete().filter((s) => s.topic !== 'ORDERS_CANCELLED')];
    const first = planWebhookSubscriptions(withStale, SUBSCRIBED_TOPICS, OURS);
    const after = withStale.map((s) => (first.move.some((m) => m.id === s.id) ? { ...s, callbackUrl: OURS } : s));
    expect(isPlanEmpty(planWebhookSubscriptions(after, SUBSCRIBED_TOPICS, OURS))).toBe(true);
  });

  it('never touches addresses that are not ours, even for our topics, nor Pub/Sub endpoints', () => {
    const foreign = [sub('orders/create', OTHER), sub('orders/cancelled', 'https://x.example/api/webhooks/other'), sub('orders/updated', null)];
    const plan = planWebhookSubscriptions([...foreign, ...complete()], SUBSCRIBED_TOPICS, OURS);
    expect(isPlanEmpty(plan)).toBe(true);
    expect(plan.foreign).toBe(3);
  });

  it('moves an older address of ours instead of adding a second subscription, and removes extra ones', () => {
    const stale = sub('orders/cancelled', OLD);
    const older = sub('orders/cancelled', 'https://older.example/app/api/webhooks/shopify/');
    const rest = complete().filter((s) => s.topic !== 'ORDERS_CANCELLED');
    const plan = planWebhookSubscriptions([stale, older, ...rest], SUBSCRIBED_TOPICS, OURS);
    expect(plan.create).toEqual([]);
    expect(plan.move).toEqual([{ id: stale.id, topic: 'orders/cancelled', from: OLD }]);
    expect(plan.remove).toEqual([{ id: older.id, topic: 'ORDERS_CANCELLED', callbackUrl: older.callbackUrl, reason: 'duplicate' }]);
  });

  it('keeps the current address and removes an old duplicate of ours for the same topic', () => {
    const old = sub('orders/paid', OLD);
    const plan = planWebhookSubscriptions([old, ...complete()], SUBSCRIBED_TOPICS, OURS);
    expect(plan.move).toEqual([]);
    expect(plan.remove.map((r) => r.id)).toEqual([old.id]);
  });

  it('replaces a narrowed subscription of ours (XML, includeFields or filter) and drops topics we no longer want', () => {
    const narrowed = sub('orders/updated', OURS, { includeFields: ['id'] });
    const xml = sub('orders/paid', OLD, { format: 'XML' });
    const unwanted = sub('orders/delete', OURS);
    const rest = complete().filter((s) => s.topic !== 'ORDERS_UPDATED' && s.topic !== 'ORDERS_PAID');
    const plan = planWebhookSubscriptions([narrowed, xml, unwanted, ...rest], SUBSCRIBED_TOPICS, OURS);
    expect(plan.create.sort()).toEqual(['orders/paid', 'orders/updated']);
    expect(plan.remove.map((r) => [r.id, r.reason]).sort()).toEqual(
      [
        [narrowed.id, 'reshaped'],
        [xml.id, 'reshaped'],
        [unwanted.id, 'unwanted_topic'],
      ].sort(),
    );
  });

  it('compares addresses as URLs', () => {
    const plan = planWebhookSubscriptions(
      complete().map((s) => ({ ...s, callbackUrl: 'HTTPS://WISMO.example.com:443/api/webhooks/shopify' })),
      SUBSCRIBED_TOPICS,
      OURS,
    );
    expect(isPlanEmpty(plan)).toBe(true);
  });
});

describe('webhookCallbackUrl', () => {
  it.each([
    ['https://wismo.example.com', OURS],
    ['https://wismo.example.com/', OURS],
    ['https://host.example/app/', 'https://host.example/app/api/webhooks/shopify'],
    ['ftp://x', null],
    ['not a url', null],
  ])('%s → %s', (appUrl, expected) => expect(webhookCallbackUrl(appUrl)).toBe(expected));
});
