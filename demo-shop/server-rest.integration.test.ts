import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLinkHeader, restGet } from './client';
import { knownOrder } from './seed/known-orders';
import { startDemoShop, type DemoShop } from './server';
import { ACME, NORDIC } from './shops';

let demo: DemoShop;
beforeAll(async () => {
  demo = await startDemoShop({ port: 0, seed: 2, shops: { [NORDIC]: { restBucket: { max: 4, rate: 0.5 } } } });
});
afterAll(() => demo.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON off the wire, asserted field by field below
type Obj = Record<string, any>;
const orders = (body: unknown): Obj[] => (body as { orders: Obj[] }).orders;

describe('REST orders', () => {
  it('defaults to status=open, hiding cancelled and archived orders', async () => {
    const cancelled = knownOrder('acme.cancelled');
    const byName = await restGet(demo, ACME, `orders.json?name=${encodeURIComponent(cancelled.name)}`);
    expect(byName.status).toBe(200);
    expect(orders(byName.body)).toEqual([]);
    const any = await restGet(demo, ACME, `orders.json?status=any&name=${encodeURIComponent(cancelled.name)}`);
    expect(orders(any.body).map((o) => [o.name, o.cancel_reason])).toEqual([[cancelled.name, 'customer']]);
    const archived = await restGet(demo, ACME, 'orders.json?name=1001');
    expect(orders(archived.body)).toEqual([]);
  });

  it('ignores the (non-existent) email param and returns unfiltered orders', async () => {
    const all = await restGet(demo, ACME, 'orders.json?status=any&limit=250&fields=id');
    const filtered = await restGet(demo, ACME, 'orders.json?status=any&limit=250&fields=id&email=jane.doe@example.com');
    expect(orders(filtered.body)).toHaveLength(250);
    expect(orders(filtered.body)).toEqual(orders(all.body));
  });

  it('renders REST shapes: integer ids, shop-offset timestamps, fields projection', async () => {
    const k = knownOrder('acme.in_transit');
    const r = await restGet(demo, ACME, `orders.json?name=${k.orderNumber}&fields=id,name,email,created_at,fulfillment_status,total-price`);
    const [o] = orders(r.body);
    expect(Object.keys(o!).sort()).toEqual(['created_at', 'email', 'fulfillment_status', 'id', 'name', 'total_price']);
    expect(typeof o!.id).toBe('number');
    expect(o!.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00$/);
    expect(o!.fulfillment_status).toBe('fulfilled');
    const single = await restGet(demo, ACME, `orders/${o!.id}.json`);
    const full = (single.body as { order: Obj }).order;
    expect(full.tags).toBeTypeOf('string');
    const f = full.fulfillments[0];
    expect(f).toMatchObject({ tracking_company: 'FedEx', shipment_status: 'in_transit', status: 'success' });
    const events = await restGet(demo, ACME, `orders/${o!.id}/fulfillments/${f.id}/events.json`);
    expect((events.body as { fulfillment_events: Obj[] }).fulfillment_events.length).toBeGreaterThan(1);
    expect(r.headers.get('x-shopify-shop-api-call-limit')).toMatch(/^\d+\/40$/);
    expect(r.headers.get('x-request-id')).toBeTruthy();
    expect(r.headers.get('x-shopify-api-version')).toBe('2025-01');
  });

  it('paginates with Link headers and opaque page_info', async () => {
    const first = await restGet(demo, ACME, 'orders.json?status=any&limit=100&fields=id,name');
    const links = parseLinkHeader(first.headers.get('link'));
    expect(links.previous).toBeUndefined();
    expect(links.next).toMatch(/page_info=/);
    const second = await restGet(demo, ACME, links.next!, { absolute: true });
    const secondLinks = parseLinkHeader(second.headers.get('link'));
    expect(secondLinks.previous).toBeDefined();
    const third = await restGet(demo, ACME, secondLinks.next!, { absolute: true });
    expect(parseLinkHeader(third.headers.get('link')).next).toBeUndefined();
    const ids = [first, second, third].flatMap((p) => orders(p.body).map((o) => o.id));
    expect(new Set(ids).size).toBe(300);
    const back = await restGet(demo, ACME, secondLinks.previous!, { absolute: true });
    expect(orders(back.body)).toEqual(orders(first.body));

    const pageInfo = new URL(links.next!).searchParams.get('page_info');
    const mixed = await restGet(demo, ACME, `orders.json?page_info=${pageInfo}&status=any`);
    expect(mixed.status).toBe(400);
    expect(mixed.body).toEqual({
      errors: { status: 'status cannot be passed when page_info is present. See https://shopify.dev/api/usage/pagination-rest for more information.' },
    });
    const bad = await restGet(demo, ACME, 'orders.json?page_info=garbage');
    expect(bad.body).toEqual({ errors: { page_info: 'Invalid value.' } });
  });

  it('answers 429 with Retry-After once the request bucket is full', async () => {
    let limited = null;
    for (let i = 0; i < 8 && !limited; i++) {
      const r = await restGet(demo, NORDIC, 'orders/count.json');
      if (r.status === 429) limited = r;
    }
    expect(limited).not.toBeNull();
    expect(limited!.headers.get('retry-after')).toBe('2.0');
    expect(limited!.headers.get('x-shopify-shop-api-call-limit')).toBe('4/4');
    expect(limited!.body).toEqual({ errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' });
  });

  it('rejects bad tokens (401) and malformed versions (404)', async () => {
    const bad = await restGet(demo, ACME, 'orders.json', { token: 'shpat_nope' });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
    const version = await restGet(demo, ACME, 'orders.json', { version: '2025-13' });
    expect(version.status).toBe(404);
    expect(version.body).toEqual({ errors: 'Not Found' });
    const missing = await restGet(demo, ACME, 'orders/1.json');
    expect(missing.status).toBe(404);
  });
});
