import { describe, expect, it } from 'vitest';
import {
  computeAnswerTimes,
  computeCacheUse,
  computeConversationShare,
  computeLookupOutcomes,
  computeOrderAgeAtFirstQuestion,
  computeRepeatOrders,
  computeStatusCategories,
  computeVolumeByDay,
} from './event-metrics';
import { startedIn, summarizeInquiries } from './inquiry-summary';
import { ev, handMadeEvents, HOUR, T0 } from './metrics.fixtures';
import { summarizeOrderViews } from './order-views';
import { percentileCont } from './percentile';
import { computeWismoFunnel, countWismoFunnel, FUNNEL_HELP } from './wismo-funnel';

describe('computeWismoFunnel', () => {
  it('counts each inquiry once per step on the hand-made week', () => {
    expect(computeWismoFunnel(handMadeEvents())).toEqual({
      questions: 5, // c1 c2 c3 p1 c5 (c4 only said hello)
      lookupsAttempted: 5,
      verified: 4, // c5 was locked out
      answered: 4,
      noPersonNeeded: 3, // c1 handed off 2 h after its answer
      askedAgain: 1, // c2: order 1001 asked again in c3 on day 3 (60 h later)
      resolved: 2, // c3 and p1
    });
  });

  it('a failed then successful verification is one verified inquiry', () => {
    const funnel = computeWismoFunnel(handMadeEvents().filter((e) => e.conversationId === 'c1'));
    expect(funnel).toMatchObject({ questions: 1, lookupsAttempted: 1, verified: 1, answered: 1, noPersonNeeded: 0, resolved: 0 });
  });

  it('a hand-off or recontact after 72 h does not count against the answer', () => {
    const events = [
      ev('verification_attempted', 0, { conversationId: 'a' }),
      ev('verification_succeeded', 0, { conversationId: 'a', orderId: '9' }),
      ev('order_viewed', 0, { conversationId: 'a', orderId: '9', statusCategory: 'shipped' }),
      ev('handoff_requested', 73, { conversationId: 'a' }),
      ev('verification_succeeded', 80, { conversationId: 'b', orderId: '9' }),
    ];
    expect(computeWismoFunnel(events)).toMatchObject({ answered: 1, noPersonNeeded: 1, askedAgain: 0, resolved: 1 });
  });

  it('a hand-off before any answer keeps the inquiry out of "answered"', () => {
    const events = [ev('intent_detected', 0, { conversationId: 'h', value: { wismo: true } }), ev('handoff_requested', 0.1, { conversationId: 'h' })];
    expect(computeWismoFunnel(events)).toMatchObject({ questions: 1, lookupsAttempted: 0, answered: 0 });
  });

  it('a deep link counts as lookup and verification', () => {
    const events = [
      ev('deep_link_opened', 0, { conversationId: 's', door: 'email_link', orderId: '5' }),
      ev('order_viewed', 0, { conversationId: 's', orderId: '5', door: 'email_link' }),
    ];
    expect(computeWismoFunnel(events)).toMatchObject({ questions: 1, lookupsAttempted: 1, verified: 1, answered: 1, resolved: 1 });
  });
});

describe('summarizeInquiries', () => {
  it('an inquiry belongs to the day and door of its first event, whatever came later', () => {
    const [summary] = summarizeInquiries([
      ev('order_viewed', 30, { conversationId: 'x', orderId: '1', door: 'widget' }),
      ev('deep_link_opened', 0, { conversationId: 'x', orderId: '1', door: 'email_link' }),
    ]);
    expect(summary).toMatchObject({
      inquiryId: 'x',
      door: 'email_link',
      firstAt: new Date(T0),
      question: true,
      lookup: true,
      verified: true,
      firstAnswerAt: new Date(T0 + 30 * HOUR),
    });
  });

  it('does not depend on the order events arrive in', () => {
    const events = handMadeEvents();
    const sorted = (list: ReturnType<typeof summarizeInquiries>) => [...list].sort((a, b) => a.inquiryId.localeCompare(b.inquiryId));
    expect(sorted(summarizeInquiries([...events].reverse()))).toEqual(sorted(summarizeInquiries(events)));
    expect(summarizeInquiries(events).find((s) => s.inquiryId === 'c2')).toMatchObject({ askedAgain: true, personNeeded: false });
  });

  it('a range counts the inquiries that began in it, with what happened after', () => {
    const events = [
      ev('verification_attempted', -2, { conversationId: 'before' }),
      ev('verification_succeeded', -2, { conversationId: 'before', orderId: '7' }),
      ev('order_viewed', 1, { conversationId: 'before', orderId: '7' }),
      ev('verification_attempted', 1, { conversationId: 'inside' }),
      ev('verification_succeeded', 1, { conversationId: 'inside', orderId: '8' }),
      ev('order_viewed', 1, { conversationId: 'inside', orderId: '8' }),
      ev('handoff_requested', 40, { conversationId: 'inside' }),
    ];
    const inRange = startedIn(summarizeInquiries(events), new Date(T0), new Date(T0 + 24 * HOUR));
    expect(inRange.map((s) => s.inquiryId)).toEqual(['inside']);
    expect(countWismoFunnel(inRange)).toMatchObject({ answered: 1, noPersonNeeded: 0, resolved: 0 });
  });
});

describe('event metrics', () => {
  const events = handMadeEvents();
  it('volume by day and door counts inquiries with an order-status question on the day and door they began', () => {
    expect(computeVolumeByDay(summarizeInquiries(events))).toEqual([
      { day: '2026-11-02', door: 'page', count: 1 },
      { day: '2026-11-02', door: 'widget', count: 2 },
      { day: '2026-11-03', door: 'app_proxy', count: 1 },
      { day: '2026-11-04', door: 'widget', count: 1 },
    ]);
  });
  it('share of conversations about order status', () => {
    expect(computeConversationShare(summarizeInquiries(events))).toEqual({ conversations: 5, aboutOrderStatus: 4, share: 0.8 });
  });
  it('lookup outcomes with failures by reason', () => {
    expect(computeLookupOutcomes(events)).toEqual({
      attempted: 6,
      succeeded: 4,
      successRate: 4 / 6,
      failuresByReason: [
        { reason: 'email_mismatch', count: 1 },
        { reason: 'locked', count: 1 },
      ],
    });
  });
  it('answer time percentiles interpolate like percentile_cont', () => {
    expect(computeAnswerTimes(events)).toEqual({ count: 5, p50: 200, p95: 380 });
    expect(percentileCont([], 0.5)).toBeNull();
  });
  it('cache use', () => {
    expect(computeCacheUse(events)).toEqual({ cacheHits: 2, shopifyCalls: 3, throttled: 1, failed: 0, hitRate: 0.4 });
  });
  it('status categories count each order once per inquiry', () => {
    expect(
      computeStatusCategories(
        summarizeOrderViews([...events, ev('order_viewed', 1.5, { conversationId: 'c2', orderId: '1001', statusCategory: 'delivered' })]),
      ),
    ).toEqual([
      { category: 'delivered', count: 2 },
      { category: 'confirmed', count: 1 },
      { category: 'in_transit', count: 1 },
    ]);
  });
  it('order age at first question uses each order’s first view', () => {
    const result = computeOrderAgeAtFirstQuestion(summarizeOrderViews(events));
    expect(result.orders).toBe(3);
    expect(result.buckets.map((b) => b.count)).toEqual([1, 0, 2, 0, 0]);
    expect(result.medianHours).toBe(96);
  });
  it('an order shown with two statuses in one inquiry counts once under each', () => {
    const views = summarizeOrderViews([
      ev('order_viewed', 0, { conversationId: 'k', orderId: '9', statusCategory: 'in_transit', value: { orderAgeMinutes: 90 } }),
      ev('order_viewed', 20, { conversationId: 'k', orderId: '9', statusCategory: 'delivered', value: { orderAgeMinutes: 1290 } }),
    ]);
    expect(views).toEqual([
      { orderId: '9', inquiryId: 'k', firstAt: new Date(T0), lastAt: new Date(T0 + 20 * HOUR), minAgeMinutes: 90, categories: ['delivered', 'in_transit'] },
    ]);
    expect(computeStatusCategories(views)).toEqual([
      { category: 'delivered', count: 1 },
      { category: 'in_transit', count: 1 },
    ]);
  });
  it('orders asked about in more than one inquiry', () => {
    expect(computeRepeatOrders(summarizeOrderViews(events))).toEqual({
      total: 1,
      orders: [{ orderId: '1001', count: 2, lastAt: new Date(Date.parse('2026-11-02T10:00:00Z') + 61 * 3600_000) }],
    });
  });
});

describe('"Resolved without a person" and "No person needed" (both shown on the overview)', () => {
  it('differ only by the answers asked again, and each definition names the other', () => {
    const funnel = computeWismoFunnel(handMadeEvents());
    expect(funnel.resolved).toBeLessThanOrEqual(funnel.noPersonNeeded);
    expect(funnel.noPersonNeeded - funnel.resolved).toBeLessThanOrEqual(funnel.askedAgain);
    expect(FUNNEL_HELP.resolved.help).toContain(FUNNEL_HELP.noPersonNeeded.label.replace(/ \(72 h\)$/, ''));
    expect(FUNNEL_HELP.noPersonNeeded.help).toContain(FUNNEL_HELP.resolved.label);
  });
});
