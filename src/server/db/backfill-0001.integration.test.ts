import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { summarizeInquiries, type InquirySummary } from '@/domain/analytics/inquiry-summary';
import { handMadeEvents, SHOP } from '@/domain/analytics/metrics.fixtures';
import { deliveredShipments, orderHealthFacts } from '@/domain/analytics/order-health';
import { summarizeOrderViews, type OrderView } from '@/domain/analytics/order-views';
import { localDay } from '@/domain/analytics/shop-days';
import { daysAgo, order, scan, shipment } from '@/domain/analytics/order-health.fixtures';
import { queryRows } from '../analytics/sql-rows';
import { openDatabase } from './client';
import { analyticsEvents, analyticsInquiries, analyticsOrderViews, shipmentDeliveries, shops } from './schema';

/**
 * Migration 0001 adds summaries that are otherwise kept up to date as data is written; for data written before
 * it, the migration fills them in SQL. That SQL must agree with the domain definitions.
 */
describe('migration 0001 backfills what existed before it', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'osa-backfill-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('inquiry summaries, order views, deliveries, health facts and the shop-day rollup equal the domain definitions', async () => {
    const before = path.join(work, 'drizzle-0000');
    cpSync(path.join(process.cwd(), 'drizzle'), before, { recursive: true });
    const journalPath = path.join(before, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.tag === '0000_init') }));
    const dataDir = path.join(work, 'pglite');

    const events = handMadeEvents();
    const delivered = (id: string, carrier: string | null, shipped: number, at: number) => ({
      ...shipment(id, 'delivered', { carrier, deliveredAt: { at: daysAgo(at), display: '' } }),
      shippedDaysAgo: shipped,
    });
    const orders = [
      order('1', 'confirmed', 4, [], 2),
      order('2', 'in_transit', 10, [
        { ...shipment('q1', 'in_transit', { latestEvent: scan(6) }), shippedDaysAgo: 9 },
        { ...shipment('q2', 'shipped'), shippedDaysAgo: 8 },
      ]),
      order('3', 'delivery_problem', 9, [
        { ...shipment('f', 'delivery_problem', { latestEvent: scan(2) }), shippedDaysAgo: 8 },
        { ...shipment('g', 'attempted_delivery'), shippedDaysAgo: 8 },
      ]),
      order('4', 'delivered', 10, [delivered('a', 'UPS', 9, 7), delivered('b', null, 9, 7), delivered('c', 'DHL', 2, 5)]),
      order('5', 'cancelled', 10),
    ];
    const testOrder = order('6', 'delivered', 10, [delivered('t', 'UPS', 9, 7)]);

    const old = await openDatabase({ pgliteDir: dataDir, migrationsFolder: before });
    await old.db.insert(shops).values({
      id: SHOP,
      domain: 'backfill.myshopify.com',
      name: 'Backfill',
      apiOrigin: 'http://127.0.0.1:1',
      accessTokenEncrypted: 'x',
      timezone: 'Asia/Tokyo',
    });
    await old.db.insert(analyticsEvents).values(events.map((e) => ({ ...e, value: e.value ?? null })));
    // What the code before 0001 kept: a rollup keyed by UTC day.
    await old.db.execute(sql`insert into analytics_daily (shop_id, day, type, door, status_category, reason, count)
      select shop_id, to_char(at at time zone 'UTC', 'YYYY-MM-DD'), type, door, coalesce(status_category, ''), coalesce(reason, ''), count(*)::int
      from analytics_events group by 1, 2, 3, 4, 5, 6`);
    for (const [o, test] of [...orders.map((o) => [o, false] as const), [testOrder, true] as const]) {
      await old.db.execute(sql`insert into order_snapshots (shop_id, order_id, order_name, test, view, fetched_at)
        values (${SHOP}, ${o.orderId}, ${o.orderName}, ${test}, ${JSON.stringify(o.view)}::jsonb, now())`);
    }
    await old.close();

    const migrated = await openDatabase({ pgliteDir: dataDir });
    try {
      const inquiries = (await migrated.db.select().from(analyticsInquiries)).map(({ shopId: _s, ...row }) => row as InquirySummary);
      const byId = (rows: InquirySummary[]) => [...rows].sort((a, b) => a.inquiryId.localeCompare(b.inquiryId));
      expect(byId(inquiries)).toEqual(byId(summarizeInquiries(events)));

      const deliveries = (await migrated.db.select().from(shipmentDeliveries)).map((d) => ({
        shipmentId: d.shipmentId,
        carrier: d.carrier,
        shippedAt: d.shippedAt.toISOString(),
        deliveredAt: d.deliveredAt.toISOString(),
      }));
      expect(deliveries.sort((a, b) => a.shipmentId.localeCompare(b.shipmentId))).toEqual(orders.flatMap((o) => deliveredShipments(o.view)));

      const facts = await queryRows<{
        order_id: string;
        status: string;
        placed_at: Date;
        unshipped_items: number;
        failed_since: Date | null;
        attempted_since: Date | null;
        quiet_since: Date | null;
      }>(
        migrated.db,
        sql`select order_id, status, placed_at, unshipped_items, failed_since, attempted_since, quiet_since from order_snapshots where test = false order by order_id`,
      );
      const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
      expect(
        facts.map((f) => ({
          status: f.status,
          placedAt: iso(f.placed_at),
          unshippedItemCount: f.unshipped_items,
          failedSince: iso(f.failed_since),
          attemptedSince: iso(f.attempted_since),
          quietSince: iso(f.quiet_since),
        })),
      ).toEqual(orders.map((o) => orderHealthFacts(o.view)));

      const views = (await migrated.db.select().from(analyticsOrderViews)).map(({ shopId: _s, ...row }) => row);
      const key = (v: OrderView) => `${v.orderId}|${v.inquiryId}`;
      const sorted = (rows: OrderView[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
      expect(sorted(views)).toEqual(sorted(summarizeOrderViews(events)));

      const rollup = await queryRows<{ day: string; count: number }>(
        migrated.db,
        sql`select day, sum(count)::int as count from analytics_daily group by 1 order by 1`,
      );
      const perDay = new Map<string, number>();
      for (const e of events) perDay.set(localDay(e.at, 'Asia/Tokyo'), (perDay.get(localDay(e.at, 'Asia/Tokyo')) ?? 0) + 1);
      expect(rollup.map((r) => [r.day, Number(r.count)])).toEqual([...perDay].sort());
    } finally {
      await migrated.close();
    }
  });
});
