CREATE TABLE "analytics_inquiries" (
	"shop_id" uuid NOT NULL,
	"inquiry_id" text NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"door" text NOT NULL,
	"started" boolean NOT NULL,
	"question" boolean NOT NULL,
	"lookup" boolean NOT NULL,
	"verified" boolean NOT NULL,
	"first_answer_at" timestamp with time zone,
	"person_needed" boolean NOT NULL,
	"asked_again" boolean NOT NULL,
	CONSTRAINT "analytics_inquiries_shop_id_inquiry_id_pk" PRIMARY KEY("shop_id","inquiry_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_order_views" (
	"shop_id" uuid NOT NULL,
	"order_id" text NOT NULL,
	"inquiry_id" text NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"min_age_minutes" double precision,
	"categories" text[] NOT NULL,
	CONSTRAINT "analytics_order_views_shop_id_order_id_inquiry_id_pk" PRIMARY KEY("shop_id","order_id","inquiry_id")
);
--> statement-breakpoint
CREATE TABLE "shipment_deliveries" (
	"shop_id" uuid NOT NULL,
	"order_id" text NOT NULL,
	"shipment_id" text NOT NULL,
	"carrier" text NOT NULL,
	"shipped_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "shipment_deliveries_shop_id_order_id_shipment_id_pk" PRIMARY KEY("shop_id","order_id","shipment_id")
);
--> statement-breakpoint
DROP INDEX "analytics_events_shop_order_idx";--> statement-breakpoint
ALTER TABLE "order_snapshots" ADD COLUMN "status" text;--> statement-breakpoint
ALTER TABLE "order_snapshots" ADD COLUMN "placed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "order_snapshots" ADD COLUMN "unshipped_items" integer;--> statement-breakpoint
ALTER TABLE "order_snapshots" ADD COLUMN "failed_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "order_snapshots" ADD COLUMN "attempted_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "order_snapshots" ADD COLUMN "quiet_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "analytics_inquiries" ADD CONSTRAINT "analytics_inquiries_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_order_views" ADD CONSTRAINT "analytics_order_views_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_deliveries" ADD CONSTRAINT "shipment_deliveries_snapshot_fk" FOREIGN KEY ("shop_id","order_id") REFERENCES "public"."order_snapshots"("shop_id","order_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_inquiries_shop_first_at_idx" ON "analytics_inquiries" USING btree ("shop_id","first_at");--> statement-breakpoint
CREATE INDEX "analytics_order_views_shop_first_at_idx" ON "analytics_order_views" USING btree ("shop_id","first_at");--> statement-breakpoint
CREATE INDEX "shipment_deliveries_shop_delivered_idx" ON "shipment_deliveries" USING btree ("shop_id","delivered_at");--> statement-breakpoint
CREATE INDEX "analytics_events_shop_order_at_idx" ON "analytics_events" USING btree ("shop_id","order_id","at");--> statement-breakpoint
CREATE INDEX "analytics_events_shop_inquiry_idx" ON "analytics_events" USING btree ("shop_id","conversation_id");--> statement-breakpoint
CREATE INDEX "analytics_events_answer_latency_idx" ON "analytics_events" USING btree ("shop_id","at","latency_ms") WHERE type = 'answer_sent';--> statement-breakpoint
ANALYZE "analytics_events";--> statement-breakpoint
-- Backfill: one summary per inquiry from existing events (the statement of src/server/analytics/inquiry-summaries.ts).
INSERT INTO "analytics_inquiries" (shop_id, inquiry_id, first_at, door, started, question, lookup, verified, first_answer_at, person_needed, asked_again)
SELECT s.shop_id, s.inquiry_id, s.first_at, s.door, s.started, s.question, s.lookup, s.verified, s.first_answer_at,
  coalesce(s.first_handoff_at <= s.first_answer_at + interval '72 hours', false),
  s.first_answer_at is not null and exists (
    select 1 from analytics_events mine
    join analytics_events other on other.shop_id = mine.shop_id and other.order_id = mine.order_id
    where mine.shop_id = s.shop_id and mine.conversation_id = s.inquiry_id and mine.type = 'order_viewed'
      and other.type in ('order_viewed', 'verification_succeeded', 'deep_link_opened') and other.conversation_id <> s.inquiry_id
      and other.at > s.first_answer_at and other.at <= s.first_answer_at + interval '72 hours')
FROM (
  select shop_id, conversation_id as inquiry_id, min(at) as first_at, (array_agg(door order by at, door))[1] as door,
    bool_or(type = 'conversation_started') as started,
    bool_or(type in ('verification_attempted', 'deep_link_opened', 'magic_link_used', 'order_viewed') or (type = 'intent_detected' and value->>'wismo' = 'true')) as question,
    bool_or(type in ('verification_attempted', 'deep_link_opened', 'magic_link_used')) as lookup,
    bool_or(type in ('verification_succeeded', 'deep_link_opened', 'magic_link_used')) as verified,
    min(at) filter (where type = 'order_viewed') as first_answer_at, min(at) filter (where type = 'handoff_requested') as first_handoff_at
  from analytics_events where conversation_id is not null
  group by 1, 2
) s;--> statement-breakpoint
-- Backfill: delivered shipments of existing real-order snapshots (the rule of deliveredShipments in src/domain/analytics/order-health.ts).
INSERT INTO "shipment_deliveries" (shop_id, order_id, shipment_id, carrier, shipped_at, delivered_at)
SELECT shop_id, order_id, shipment_id, carrier, shipped_at, delivered_at FROM (
  select o.shop_id, o.order_id, s->>'id' as shipment_id, s->>'carrier' as carrier, (s->'deliveredAt'->>'at')::timestamptz as delivered_at,
    (select (t->>'at')::timestamptz from jsonb_array_elements(o.view->'timeline') with ordinality as e(t, n)
      where t->>'kind' = 'shipped' and t->>'shipmentId' = s->>'id' order by n limit 1) as shipped_at
  from order_snapshots o, jsonb_array_elements(o.view->'shipments') s
  where o.test = false and jsonb_typeof(s->'carrier') = 'string' and s->>'carrier' <> '' and jsonb_typeof(s->'deliveredAt') = 'object'
) d
WHERE shipped_at is not null and delivered_at >= shipped_at
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Backfill: health facts of existing snapshots (the rules of orderHealthFacts in src/domain/analytics/order-health.ts).
UPDATE "order_snapshots" o SET
  status = o.view->>'status',
  placed_at = (o.view->'placedAt'->>'at')::timestamptz,
  unshipped_items = coalesce((o.view->>'unshippedItemCount')::int, 0),
  failed_since = (select coalesce(s->'latestEvent'->>'at', o.view->'placedAt'->>'at')::timestamptz
    from jsonb_array_elements(o.view->'shipments') with ordinality as e(s, n) where s->>'status' = 'delivery_problem' order by n limit 1),
  attempted_since = (select coalesce(s->'latestEvent'->>'at', o.view->'placedAt'->>'at')::timestamptz
    from jsonb_array_elements(o.view->'shipments') with ordinality as e(s, n) where s->>'status' = 'attempted_delivery' order by n limit 1),
  quiet_since = (select min(coalesce(s->'latestEvent'->>'at', (select t->>'at' from jsonb_array_elements(o.view->'timeline') with ordinality as tl(t, m)
      where t->>'kind' = 'shipped' and t->>'shipmentId' = s->>'id' order by m limit 1))::timestamptz)
    from jsonb_array_elements(o.view->'shipments') s where s->>'status' in ('shipped', 'in_transit'));
--> statement-breakpoint
-- The daily rollup was keyed by UTC day; it is now keyed by the shop's own day (src/domain/analytics/shop-days.ts).
DELETE FROM "analytics_daily";--> statement-breakpoint
INSERT INTO "analytics_daily" (shop_id, day, type, door, status_category, reason, count)
SELECT e.shop_id, to_char(e.at at time zone s.timezone, 'YYYY-MM-DD'), e.type, e.door, coalesce(e.status_category, ''), coalesce(e.reason, ''), count(*)::int
FROM analytics_events e JOIN shops s ON s.id = e.shop_id
GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
-- Backfill: one row per order shown per inquiry (the statement of src/server/analytics/order-view-queries.ts).
INSERT INTO "analytics_order_views" (shop_id, order_id, inquiry_id, first_at, last_at, min_age_minutes, categories)
SELECT shop_id, order_id, coalesce(conversation_id, ''), min(at), max(at),
  min((value->>'orderAgeMinutes')::float8) filter (where jsonb_typeof(value->'orderAgeMinutes') = 'number'),
  array(select c from (select distinct c from unnest(array_agg(status_category)) c where c <> '') d order by c collate "C")
FROM analytics_events WHERE type = 'order_viewed' AND order_id IS NOT NULL
GROUP BY 1, 2, 3;
