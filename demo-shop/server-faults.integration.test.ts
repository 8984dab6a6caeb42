import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest, restGet } from './client';
import { startDemoShop, type DemoShop } from './server';
import { ACME, TINY } from './shops';

let demo: DemoShop;
beforeAll(async () => {
  demo = await startDemoShop({ port: 0, seed: 3 });
});
afterAll(() => demo.close());

const SHOP_QUERY = '{ shop { name } }';

describe('fault controls', () => {
  it('injects 5xx at the configured rate with an HTML body', async () => {
    demo.reset();
    demo.controls.set({ errorRate: 0.5, errorStatus: 503 }, ACME);
    const statuses: number[] = [];
    let html = '';
    for (let i = 0; i < 40; i++) {
      const r = await graphqlRequest(demo, ACME, SHOP_QUERY);
      statuses.push(r.status);
      if (r.status === 503) html = r.text;
    }
    const errors = statuses.filter((s) => s === 503).length;
    expect(errors).toBeGreaterThan(8);
    expect(errors).toBeLessThan(32);
    expect(statuses.filter((s) => s !== 503).every((s) => s === 200)).toBe(true);
    expect(html).toContain('<title>503 Service Unavailable</title>');
    const tiny = await graphqlRequest(demo, TINY, SHOP_QUERY);
    expect(tiny.status).toBe(200);
    demo.controls.clear(ACME);
  });

  it('hangs requests until the client gives up, and logs them with status 0', async () => {
    demo.reset();
    demo.controls.set({ timeoutNext: 1 });
    const started = Date.now();
    await expect(restGet(demo, ACME, 'orders/count.json', { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const ok = await restGet(demo, ACME, 'orders/count.json');
    expect(ok.status).toBe(200);
    expect(demo.requestLog.map((e) => [e.status, e.fault ?? null])).toEqual([
      [0, 'timeout'],
      [200, null],
    ]);
  });

  it('adds latency and truncates bodies on demand', async () => {
    demo.reset();
    demo.controls.set({ latencyMs: 150, malformedNext: 1 }, TINY);
    const started = Date.now();
    const r = await graphqlRequest(demo, TINY, SHOP_QUERY);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow();
    const next = await graphqlRequest(demo, TINY, SHOP_QUERY);
    expect(next.body.data).toEqual({ shop: { name: 'Tiny Tea Co' } });
  });

  it('logs requests with kind, cost, operation name and throttling', async () => {
    demo.reset();
    await graphqlRequest(demo, ACME, 'query ShopName { shop { name } }');
    demo.controls.throttleNext(1, ACME);
    await restGet(demo, ACME, 'orders/count.json');
    await restGet(demo, ACME, 'orders.json', { token: 'bad' });
    expect(demo.requestLog.map(({ shop, kind, status, throttled, operationName }) => ({ shop, kind, status, throttled, operationName }))).toEqual([
      { shop: ACME, kind: 'graphql', status: 200, throttled: false, operationName: 'ShopName' },
      { shop: ACME, kind: 'rest', status: 429, throttled: true, operationName: undefined },
      { shop: ACME, kind: 'rest', status: 401, throttled: false, operationName: undefined },
    ]);
    expect(demo.requestLog[0]!.cost).toBe(1);
    expect(demo.requestLog[0]!.query).toContain('ShopName');
  });

  it('is driven over HTTP by the /_demo control API', async () => {
    demo.reset();
    const post = (path: string, body: unknown): Promise<Response> =>
      fetch(`${demo.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/_demo/faults', { shop: ACME, errorNext: 1, errorStatus: 502 })).status).toBe(200);
    const r = await graphqlRequest(demo, ACME, SHOP_QUERY);
    expect(r.status).toBe(502);
    const log = (await (await fetch(`${demo.url}/_demo/requests?shop=${ACME}`)).json()) as { requests: { status: number }[] };
    expect(log.requests.map((e) => e.status)).toEqual([502]);
    expect((await post('/_demo/faults', { errorRate: 7 })).status).toBe(400);
    const cross = await fetch(`${demo.url}/_demo/reset`, { method: 'POST', headers: { Origin: 'https://evil.example' } });
    expect(cross.status).toBe(403);
    expect((await post('/_demo/reset', {})).status).toBe(200);
    expect(demo.requestLog).toHaveLength(0);
  });

  it('closes promptly even with a request hanging', async () => {
    const other = await startDemoShop({ port: 0 });
    other.controls.set({ timeoutNext: 1 });
    const hanging = restGet(other, ACME, 'orders/count.json').catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await hanging).toBeInstanceOf(Error);
  });
});
