/**
 * Dashboard query latency on PostgreSQL with 1,000,000 analytics events (and 20,000 order snapshots) for one
 * shop, seeded with generate_series into a fresh database (dropped afterwards). BENCH_DATABASE_URL, or
 * postgres://postgres@127.0.0.1:5432/test, is the admin URL used to create it (BENCH_KEEP_DATABASE=1 keeps it, to
 * EXPLAIN a query by hand). Target: every query < 500 ms.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { parseEnv } from '../src/env';
import { createServices } from '../src/server/services';
import { order, shipment } from '../src/domain/analytics/order-health.fixtures';
import { queryAnswerTimes } from '../src/server/analytics/event-queries';
import { queryOrderAgeAtFirstQuestion, queryRepeatOrders, queryStatusCategories, rebuildOrderViews } from '../src/server/analytics/order-view-queries';
import { queryConversationShare, queryVolumeByDay, queryWismoFunnel, rebuildInquiries } from '../src/server/analytics/inquiry-summaries';
import { queryCacheUse, queryLookupOutcomes, rebuildDailyRollup } from '../src/server/analytics/rollup-queries';
import { queryCarrierPerformance, queryProblemOrders } from '../src/server/analytics/snapshot-queries';
import type { DayRange } from '../src/server/analytics/sql-rows';
import { shops } from '../src/server/db/schema';
import { printTable, summarize, timed, type Row } from './bench-kit';

const EVENTS = Number(process.env.BENCH_DASHBOARD_EVENTS ?? 1_000_000);
const SNAPSHOTS = 20_000;
const TARGET_MS = 500;

export async function runDashboardBench(): Promise<void> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const { default: postgres } = await import('postgres');
  const name = `osa_bench_dash_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { onnotice: () => {}, max: 1 });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const services = await createServices(
    parseEnv({
      NODE_ENV: 'test',
      APP_SECRET: 'bench-secret-0123456789abcdef0123456789abcdef',
      DATABASE_URL: url.toString(),
      PGLITE_DIR: 'memory://',
      LOG_LEVEL: 'silent',
    }),
  );
  try {
    const [shop] = await services.db
      .insert(shops)
      .values({ domain: 'bench-shop.myshopify.com', name: 'Bench', apiOrigin: 'http://127.0.0.1:1', accessTokenEncrypted: 'x' })
      .returning();
    const shopId = shop!.id;
    const now = new Date();
    const seed = await timed(async () => {
      // Inquiries of 8 events each over the last 90 days: started, intent, attempt, outcome, view, answer, Shopify/cache, hand-off or answer.
      await services.db.execute(sql`select setseed(0.42)`);
      await services.db.execute(sql`
        insert into analytics_events (shop_id, at, type, door, conversation_id, order_id, status_category, reason, latency_ms, value)
        select ${shopId}::uuid,
          now() - ((q * 7919) % (90 * 86400)) * interval '1 second' + step * interval '20 seconds',
          case step when 0 then 'conversation_started' when 1 then 'intent_detected' when 2 then 'verification_attempted'
            when 3 then (case when q % 5 = 0 then 'verification_failed' else 'verification_succeeded' end)
            when 4 then 'order_viewed' when 5 then 'answer_sent' when 6 then (case when q % 3 = 0 then 'shopify_call' else 'cache_hit' end)
            else (case when q % 20 = 0 then 'handoff_requested' else 'answer_sent' end) end,
          (array['widget', 'widget', 'page', 'email_link', 'app_proxy'])[1 + q % 5],
          'c' || q,
          case when step in (3, 4) then ((q * 31) % 40000)::text end,
          case when step = 4 then (array['delivered', 'in_transit', 'confirmed', 'out_for_delivery', 'delivery_problem'])[1 + (q / 7) % 5] end,
          case when step = 3 and q % 5 = 0 then (array['no_match', 'email_mismatch', 'reference_no_digits'])[1 + (q / 5) % 3] when step = 1 then 'where_is_my_order' end,
          case when step in (5, 7) then (50 + random() * 1500)::int end,
          case when step = 1 then jsonb_build_object('wismo', q % 10 < 7) when step = 4 then jsonb_build_object('orderAgeMinutes', (random() * 20000)::int) end
        from generate_series(0, ${EVENTS - 1}) as g, lateral (select g / 8 as q, g % 8 as step) s`);
      await services.db.execute(sql`vacuum analyze analytics_events`);
      await rebuildDailyRollup(services.db, shopId);
      await rebuildInquiries(services.db, shopId);
      await rebuildOrderViews(services.db, shopId);
      const delivered = order('T', 'delivered', 10, [
        {
          ...shipment('f1', 'delivered', { carrier: 'UPS', deliveredAt: { at: new Date(Date.now() - 3 * 86_400_000).toISOString(), display: '' } }),
          shippedDaysAgo: 7,
        },
      ]).view;
      const stuck = order('S', 'in_transit', 12, [{ ...shipment('f2', 'in_transit'), shippedDaysAgo: 10 }]).view;
      // Through the app's own write path, so shipment_deliveries is filled as in production.
      for (let g = 1; g <= SNAPSHOTS; g += 50) {
        await Promise.all(
          Array.from({ length: Math.min(50, SNAPSHOTS - g + 1) }, (_, i) => {
            const id = g + i;
            const view = structuredClone(id % 4 === 0 ? stuck : delivered);
            view.shipments[0]!.carrier = ['UPS', 'USPS', 'DHL', 'FedEx'][id % 4]!;
            return services.snapshots.saveSnapshot({
              shopId,
              orderId: String(id),
              orderName: `#${id}`,
              emailHash: null,
              customerId: null,
              test: false,
              view,
              fetchedAt: now,
            });
          }),
        );
      }
      await services.db.execute(sql`analyze`);
    });
    const day = (offset: number) => new Date(now.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
    const ranges: Array<[string, DayRange]> = [
      ['30 d', { from: day(29), to: day(0) }],
      ['90 d', { from: day(89), to: day(0) }],
    ];
    const queries: Array<[string, (range: DayRange) => Promise<unknown>]> = [
      ['funnel', (r) => queryWismoFunnel(services.db, shopId, r)],
      ['volume by day/door', (r) => queryVolumeByDay(services.db, shopId, r)],
      ['share of chats', (r) => queryConversationShare(services.db, shopId, r)],
      ['lookup outcomes (rollup)', (r) => queryLookupOutcomes(services.db, shopId, r)],
      ['cache use (rollup)', (r) => queryCacheUse(services.db, shopId, r)],
      ['answer time p50/p95', (r) => queryAnswerTimes(services.db, shopId, r)],
      ['status categories', (r) => queryStatusCategories(services.db, shopId, r)],
      ['order age at first question', (r) => queryOrderAgeAtFirstQuestion(services.db, shopId, r)],
      ['repeat orders', (r) => queryRepeatOrders(services.db, shopId, r)],
      ['problem orders (snapshots)', (r) => queryProblemOrders(services.db, shopId, r, now)],
      ['carrier performance (snapshots)', (r) => queryCarrierPerformance(services.db, shopId, r)],
    ];
    const rows: Row[] = [];
    for (const [label, range] of ranges) {
      for (const [queryName, run] of queries) {
        const samples: number[] = [];
        for (let i = 0; i < 5; i += 1) samples.push((await timed(() => run(range))).ms);
        const row = summarize(`${queryName}, ${label}`, samples);
        rows.push({ ...row, under_target: Math.max(...samples) < TARGET_MS ? 'yes' : 'NO' });
      }
    }
    printTable(
      `Dashboard queries on PostgreSQL, ${EVENTS.toLocaleString('en-US')} events + ${SNAPSHOTS.toLocaleString('en-US')} snapshots (seeded in ${Math.round(seed.ms / 1000)} s; target < ${TARGET_MS} ms)`,
      rows,
    );
  } finally {
    await services.close();
    if (process.env.BENCH_KEEP_DATABASE) console.log(`kept database ${name}`);
    else await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const invokedDirectly = process.argv[1]?.endsWith('dashboard-queries.ts');
if (invokedDirectly) await runDashboardBench();
