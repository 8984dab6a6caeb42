import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsEvent, EventType } from '@/domain/analytics/analytics-event';
import { EVENT_DOORS } from '@/domain/analytics/analytics-event';
import {
  computeAnswerTimes,
  computeCacheUse,
  computeConversationShare,
  computeLookupOutcomes,
  computeOrderAgeAtFirstQuestion,
  computeRepeatOrders,
  computeStatusCategories,
  computeVolumeByDay,
} from '@/domain/analytics/event-metrics';
import { handMadeEvents, SHOP } from '@/domain/analytics/metrics.fixtures';
import { startedIn, summarizeInquiries, type InquirySummary } from '@/domain/analytics/inquiry-summary';
import { summarizeOrderViews, type OrderView } from '@/domain/analytics/order-views';
import { computeCarrierPerformance, deliveredShipments, findProblemOrders } from '@/domain/analytics/order-health';
import { daysAgo, NOW, order, scan, shipment } from '@/domain/analytics/order-health.fixtures';
import { round2 } from '@/domain/analytics/percentile';
import { countWismoFunnel } from '@/domain/analytics/wismo-funnel';
import { eq, sql } from 'drizzle-orm';
import { analyticsInquiries, analyticsOrderViews, orderSnapshots, shipmentDeliveries, shops } from '../db/schema';
import type { Services } from '../services';
import { createTestServices } from '../../../test/support/test-services';
import { writeEventBatch } from './event-recorder';
import { queryAnswerTimes } from './event-queries';
import { queryOrderAgeAtFirstQuestion, queryRepeatOrders, queryStatusCategories, rebuildOrderViews } from './order-view-queries';
import { queryConversationShare, queryVolumeByDay, queryWismoFunnel, rebuildInquiries } from './inquiry-summaries';
import { queryCacheUse, queryLookupOutcomes, rebuildDailyRollup } from './rollup-queries';
import { queryCarrierPerformance, queryProblemOrders } from './snapshot-queries';
import { rangeBounds, type DayRange } from './sql-rows';

/** mulberry32: a small deterministic pseudo-random generator. */
function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic pseudo-random event set, dense enough to hit every branch of each metric. */
function randomEvents(count: number, seed: number): AnalyticsEvent[] {
  const rand = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const types: EventType[] = [
    'conversation_started',
    'intent_detected',
    'verification_attempted',
    'verification_succeeded',
    'verification_failed',
    'verification_locked_out',
    'order_viewed',
    'answer_sent',
    'handoff_requested',
    'deep_link_opened',
    'magic_link_used',
    'shopify_call',
    'cache_hit',
    'shopify_failed',
  ];
  const start = Date.parse('2026-11-01T00:00:00Z');
  return Array.from({ length: count }, (): AnalyticsEvent => {
    const type = pick(types);
    return {
      shopId: SHOP,
      at: new Date(start + Math.floor(rand() * 14 * 86_400_000)),
      type,
      door: pick(EVENT_DOORS),
      conversationId: rand() < 0.95 ? `c${Math.floor(rand() * 60)}` : null,
      orderId: ['order_viewed', 'verification_succeeded', 'deep_link_opened'].includes(type) ? String(1000 + Math.floor(rand() * 25)) : null,
      statusCategory: type === 'order_viewed' ? pick(['delivered', 'in_transit', 'confirmed']) : null,
      reason: type === 'verification_failed' ? pick(['no_match', 'email_mismatch', 'reference_invalid']) : null,
      latencyMs: type === 'answer_sent' ? Math.floor(rand() * 3000) : null,
      value:
        type === 'intent_detected'
          ? { wismo: rand() < 0.6 }
          : type === 'order_viewed' && rand() < 0.9
            ? { orderAgeMinutes: Math.floor(rand() * 30 * 1440) }
            : null,
    };
  });
}

const ZONE = 'America/New_York';

describe('dashboard SQL agrees with the metric definitions', () => {
  let services: Services;
  const events = [...handMadeEvents(), ...randomEvents(3000, 7)];
  const inRange = (range: DayRange) => {
    const { start, end } = rangeBounds(range);
    return events.filter((e) => e.at >= start && e.at < end);
  };
  const inquiriesIn = (range: DayRange) => {
    const { start, end } = rangeBounds(range);
    return startedIn(summarizeInquiries(events), start, end);
  };
  const viewsIn = (range: DayRange) => {
    const { start, end } = rangeBounds(range);
    return startedIn(summarizeOrderViews(events), start, end);
  };
  const storedInquiries = async (): Promise<InquirySummary[]> =>
    (await services.db.select().from(analyticsInquiries)).map(({ shopId: _s, ...row }) => ({ ...row, door: row.door as InquirySummary['door'] }));
  const byId = (rows: InquirySummary[]) => [...rows].sort((a, b) => a.inquiryId.localeCompare(b.inquiryId));

  beforeAll(async () => {
    services = await createTestServices();
    // A shop west of UTC: its days, and so the rollup's and the ranges', are not UTC days.
    await services.db
      .insert(shops)
      .values({ id: SHOP, domain: 'metrics-test.myshopify.com', name: 'Metrics', apiOrigin: 'http://127.0.0.1:1', accessTokenEncrypted: 'x', timezone: ZONE });
    // Written out of time order, in uneven batches: the summaries must not depend on arrival order.
    const rand = seededRandom(11);
    const shuffled = [...events].sort(() => rand() - 0.5);
    for (let i = 0; i < shuffled.length;) {
      const size = 1 + Math.floor(rand() * 400);
      await writeEventBatch(services.db, shuffled.slice(i, i + size));
      i += size;
    }
  });
  afterAll(() => services?.close());

  const ranges: DayRange[] = [
    { from: '2026-11-01', to: '2026-11-14', timeZone: ZONE },
    { from: '2026-11-03', to: '2026-11-05', timeZone: ZONE },
    { from: '2026-12-01', to: '2026-12-02', timeZone: ZONE },
  ];
  for (const range of ranges) {
    it(`every event metric, ${range.from} → ${range.to}`, async () => {
      const set = inRange(range);
      const { db } = services;
      const inquiries = inquiriesIn(range);
      expect(await queryWismoFunnel(db, SHOP, range)).toEqual(countWismoFunnel(inquiries));
      expect(await queryVolumeByDay(db, SHOP, range)).toEqual(computeVolumeByDay(inquiries, ZONE));
      expect(await queryConversationShare(db, SHOP, range)).toEqual(computeConversationShare(inquiries));
      expect(await queryLookupOutcomes(db, SHOP, range)).toEqual(computeLookupOutcomes(set));
      expect(await queryCacheUse(db, SHOP, range)).toEqual(computeCacheUse(set));
      const views = viewsIn(range);
      expect(await queryStatusCategories(db, SHOP, range)).toEqual(computeStatusCategories(views));
      const repeat = await queryRepeatOrders(db, SHOP, range);
      expect({ ...repeat, orders: repeat.orders.map(({ orderName: _name, ...rest }) => rest) }).toEqual(computeRepeatOrders(views));
      const times = await queryAnswerTimes(db, SHOP, range);
      const pureTimes = computeAnswerTimes(set);
      expect({ ...times, p50: round2(times.p50), p95: round2(times.p95) }).toEqual({ ...pureTimes, p50: round2(pureTimes.p50), p95: round2(pureTimes.p95) });
      const age = await queryOrderAgeAtFirstQuestion(db, SHOP, range);
      const pureAge = computeOrderAgeAtFirstQuestion(views);
      expect({ ...age, medianHours: round2(age.medianHours) }).toEqual({ ...pureAge, medianHours: round2(pureAge.medianHours) });
    });
  }

  it('the stored inquiry summaries equal summarizeInquiries, and a rebuild gives the same rows', async () => {
    const expected = byId(summarizeInquiries(events));
    expect(expected.length).toBeGreaterThan(60);
    expect(expected.some((s) => s.askedAgain) && expected.some((s) => s.personNeeded) && expected.some((s) => !s.firstAnswerAt)).toBe(true);
    expect(byId(await storedInquiries())).toEqual(expected);
    await rebuildInquiries(services.db, SHOP);
    expect(byId(await storedInquiries())).toEqual(expected);
  });

  it('the stored order views equal summarizeOrderViews, and a rebuild gives the same rows', async () => {
    const key = (v: OrderView) => `${v.orderId}|${v.inquiryId}`;
    const sorted = (rows: OrderView[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
    const stored = async () =>
      sorted((await services.db.select().from(analyticsOrderViews).where(eq(analyticsOrderViews.shopId, SHOP))).map(({ shopId: _s, ...row }) => row));
    const expected = sorted(summarizeOrderViews(events));
    expect(expected.some((v) => v.categories.length > 1) && expected.some((v) => v.minAgeMinutes === null)).toBe(true);
    expect(await stored()).toEqual(expected);
    await rebuildOrderViews(services.db, SHOP);
    expect(await stored()).toEqual(expected);
  });

  it('the hand-made week gives the funnel the unit tests define, from SQL', async () => {
    const day = { from: '2026-11-02', to: '2026-11-02', timeZone: ZONE };
    const funnel = await queryWismoFunnel(services.db, SHOP, day);
    expect(funnel).toEqual(countWismoFunnel(inquiriesIn(day)));
  });

  it('orders asked about more than once carry their order number from the snapshot (the dashboard shows #1001, not an id)', async () => {
    const week = { from: '2026-11-01', to: '2026-11-14', timeZone: ZONE };
    const asked = order('1001', 'in_transit', 3);
    await services.snapshots.saveSnapshot({
      shopId: SHOP,
      orderId: '1001',
      orderName: asked.orderName,
      emailHash: null,
      customerId: null,
      test: false,
      view: asked.view,
      fetchedAt: NOW,
    });
    try {
      const { orders } = await queryRepeatOrders(services.db, SHOP, week);
      expect(orders.find((o) => o.orderId === '1001')).toMatchObject({ orderName: '#1001' });
      expect(orders.filter((o) => o.orderId !== '1001').every((o) => o.orderName === null)).toBe(true);
    } finally {
      await services.db.delete(orderSnapshots).where(eq(orderSnapshots.shopId, SHOP));
    }
  });

  it('concurrent batches from two instances still see each other: a recontact split across them is counted', async () => {
    const shopId = '00000000-0000-4000-8000-0000000000cc';
    await services.db
      .insert(shops)
      .values({ id: shopId, domain: 'race-test.myshopify.com', name: 'Race', apiOrigin: 'http://127.0.0.1:1', accessTokenEncrypted: 'x' });
    const at = (hours: number) => new Date(Date.parse('2026-11-10T00:00:00Z') + hours * 3600_000);
    for (let round = 0; round < 20; round++) {
      const first: AnalyticsEvent = { shopId, at: at(round), type: 'order_viewed', door: 'widget', conversationId: `a${round}`, orderId: `o${round}` };
      const again: AnalyticsEvent = {
        shopId,
        at: at(round + 1),
        type: 'verification_succeeded',
        door: 'page',
        conversationId: `b${round}`,
        orderId: `o${round}`,
      };
      await Promise.all([writeEventBatch(services.db, [first]), writeEventBatch(services.db, [again])]);
    }
    const rows = (await services.db.select().from(analyticsInquiries).where(eq(analyticsInquiries.shopId, shopId))).filter((r) => r.inquiryId.startsWith('a'));
    expect(rows).toHaveLength(20);
    expect(rows.filter((r) => !r.askedAgain).map((r) => r.inquiryId)).toEqual([]);
  });

  it('concurrent batches touching the same rollup rows in opposite orders never deadlock', async () => {
    const shopId = '00000000-0000-4000-8000-0000000000dd';
    await services.db
      .insert(shops)
      .values({ id: shopId, domain: 'deadlock-test.myshopify.com', name: 'Deadlock', apiOrigin: 'http://127.0.0.1:1', accessTokenEncrypted: 'x' });
    const at = new Date('2026-11-10T12:00:00Z');
    // 60 rollup rows and 60 order views, written by two batches in opposite orders.
    const events = Array.from({ length: 60 }, (_, i): AnalyticsEvent => ({
      shopId,
      at,
      type: 'order_viewed',
      door: 'widget',
      reason: `r${i}`,
      conversationId: `c${i % 7}`,
      orderId: String(i),
    }));
    for (let round = 0; round < 10; round++) {
      await Promise.all([writeEventBatch(services.db, events), writeEventBatch(services.db, [...events].reverse())]);
    }
    const [row] = await services.db
      .execute(sql`select sum(count)::int as total from analytics_daily where shop_id = ${shopId}`)
      .then((r) => (Array.isArray(r) ? r : (r as { rows: Array<{ total: number }> }).rows));
    expect(Number((row as { total: number }).total)).toBe(1200);
  });

  it('the rollup rebuilt from events equals the incrementally kept one', async () => {
    const range = ranges[0]!;
    const before = [await queryLookupOutcomes(services.db, SHOP, range), await queryCacheUse(services.db, SHOP, range)];
    await rebuildDailyRollup(services.db, SHOP);
    expect([await queryLookupOutcomes(services.db, SHOP, range), await queryCacheUse(services.db, SHOP, range)]).toEqual(before);
  });

  it('problem orders and carrier performance from snapshots', async () => {
    const delivered = (id: string, carrier: string, shipped: number, at: number) => ({
      ...shipment(id, 'delivered', { carrier, deliveredAt: { at: daysAgo(at), display: '' } }),
      shippedDaysAgo: shipped,
    });
    const orders = [
      order('1', 'confirmed', 4, [], 2),
      order('3', 'in_transit', 10, [{ ...shipment('f3', 'in_transit', { latestEvent: scan(6) }), shippedDaysAgo: 9 }]),
      order('6', 'delivery_problem', 9, [{ ...shipment('f6', 'delivery_problem', { latestEvent: scan(2) }), shippedDaysAgo: 8 }]),
      order('10', 'delivered', 10, [delivered('a', 'UPS', 9, 7)]),
      order('11', 'delivered', 10, [delivered('b', 'UPS', 9, 5), delivered('c', 'DHL', 9, 8)]),
      order('12', 'delivered', 10, [delivered('d', 'UPS', 9, 3)]),
    ];
    for (const o of orders)
      await services.snapshots.saveSnapshot({
        shopId: SHOP,
        orderId: o.orderId,
        orderName: o.orderName,
        emailHash: null,
        customerId: null,
        test: false,
        view: o.view,
        fetchedAt: NOW,
      });
    const range = { from: '2026-11-01', to: '2026-11-30' };
    const problems = await queryProblemOrders(services.db, SHOP, range, NOW);
    expect(problems.map(({ questions: _q, ...p }) => p)).toEqual(findProblemOrders(orders, NOW));
    const carriers = await queryCarrierPerformance(services.db, SHOP, range);
    const round = (rows: typeof carriers) => rows.map((r) => ({ ...r, medianDays: round2(r.medianDays), p90Days: round2(r.p90Days) }));
    expect(round(carriers)).toEqual(round(computeCarrierPerformance(orders.flatMap((o) => deliveredShipments(o.view)))));
    expect(round(carriers)[0]).toEqual({ carrier: 'UPS', shipments: 3, medianDays: 4, p90Days: 5.6 });
  });

  it('deliveries follow their snapshot: replaced on re-save, gone with it, never for test orders', async () => {
    const shopId = '00000000-0000-4000-8000-0000000000bb';
    await services.db
      .insert(shops)
      .values({ id: shopId, domain: 'deliveries-test.myshopify.com', name: 'Deliveries', apiOrigin: 'http://127.0.0.1:1', accessTokenEncrypted: 'x' });
    const save = (o: ReturnType<typeof order>, test = false) =>
      services.snapshots.saveSnapshot({
        shopId,
        orderId: o.orderId,
        orderName: o.orderName,
        emailHash: null,
        customerId: null,
        test,
        view: o.view,
        fetchedAt: NOW,
      });
    const rows = async () =>
      (await services.db.select().from(shipmentDeliveries).where(eq(shipmentDeliveries.shopId, shopId)))
        .map((r) => `${r.orderId}/${r.shipmentId}/${r.carrier}`)
        .sort();
    const two = (carrier: string) =>
      order('20', 'delivered', 10, [
        { ...shipment('x', 'delivered', { carrier, deliveredAt: { at: daysAgo(2), display: '' } }), shippedDaysAgo: 6 },
        { ...shipment('y', 'delivered', { carrier: 'DHL', deliveredAt: { at: daysAgo(3), display: '' } }), shippedDaysAgo: 6 },
      ]);
    await save(two('UPS'));
    expect(await rows()).toEqual(['20/x/UPS', '20/y/DHL']);
    await save(
      order('20', 'delivered', 10, [{ ...shipment('x', 'delivered', { carrier: 'FedEx', deliveredAt: { at: daysAgo(2), display: '' } }), shippedDaysAgo: 6 }]),
    );
    expect(await rows()).toEqual(['20/x/FedEx']);
    await save(order('20', 'in_transit', 10, [{ ...shipment('x', 'in_transit'), shippedDaysAgo: 6 }]));
    expect(await rows()).toEqual([]);
    await save(two('UPS'), true);
    expect(await rows()).toEqual([]);
    await save(two('UPS'));
    await services.db.delete(orderSnapshots).where(eq(orderSnapshots.shopId, shopId));
    expect(await rows()).toEqual([]);
  });
});
