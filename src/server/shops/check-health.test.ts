import { describe, expect, it } from 'vitest';
import { createHealthCheck, publicHealthReport, type HealthDeps } from './check-health';

const ok = async () => {};
const shops = [
  { id: '1', domain: 'a.myshopify.com' },
  { id: '2', domain: 'b.myshopify.com' },
];

function deps(overrides: Partial<HealthDeps> = {}): HealthDeps {
  return {
    database: { kind: 'pglite', ping: ok },
    cache: { kind: 'memory', ping: ok },
    listShops: async () => shops,
    checkShop: ok,
    timeoutMs: 50,
    ...overrides,
  };
}

describe('health check', () => {
  it('is ok when everything answers', async () => {
    const report = await createHealthCheck(deps())();
    expect(report).toMatchObject({
      status: 'ok',
      database: { ok: true, kind: 'pglite' },
      cache: { ok: true, kind: 'memory' },
      shops: [
        { domain: 'a.myshopify.com', ok: true },
        { domain: 'b.myshopify.com', ok: true },
      ],
    });
    expect(report.shops[0]).not.toHaveProperty('error');
  });

  it('is down when the database fails, and then checks no shop', async () => {
    let shopCalls = 0;
    const report = await createHealthCheck(
      deps({ database: { kind: 'postgres', ping: () => Promise.reject(new Error('ECONNREFUSED 10.0.0.5')) }, checkShop: async () => void shopCalls++ }),
    )();
    expect(report).toMatchObject({ status: 'down', database: { ok: false, kind: 'postgres' }, shops: [] });
    expect(shopCalls).toBe(0);
  });

  it('is degraded by a failing cache or shop, reporting only a short error kind', async () => {
    const secretMessage = '[API] Invalid API key or access token shpat_leaky';
    const report = await createHealthCheck(
      deps({
        cache: { kind: 'redis', ping: () => Promise.reject(new Error('redis down at 10.0.0.9')) },
        checkShop: async (shop) => {
          if (shop.id === '1') throw Object.assign(new Error(secretMessage), { kind: 'unauthorized' });
          throw new Error(secretMessage);
        },
      }),
    )();
    expect(report.status).toBe('degraded');
    expect(report.cache.ok).toBe(false);
    expect(report.shops.map((shop) => shop.error)).toEqual(['unauthorized', 'error']);
    expect(JSON.stringify(report)).not.toMatch(/shpat|Invalid|10\.0\.0/);
  });

  it('times out a shop that hangs', async () => {
    const started = Date.now();
    const report = await createHealthCheck(deps({ checkShop: () => new Promise(() => {}) }))();
    expect(report.shops.every((shop) => shop.error === 'timeout')).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("reuses shop results for a while so the endpoint cannot spend the shops' API budget", async () => {
    let now = 0;
    let calls = 0;
    const check = createHealthCheck(deps({ now: () => now, shopResultTtlMs: 30_000, checkShop: async () => void calls++ }));
    await check();
    await check();
    expect(calls).toBe(2);
    now = 31_000;
    await check();
    expect(calls).toBe(4);
  });
});

describe('health check shop cache', () => {
  it('checks a newly connected shop at once', async () => {
    const installed = [{ id: '1', domain: 'a.myshopify.com' }];
    let calls = 0;
    const check = createHealthCheck(deps({ now: () => 0, listShops: async () => [...installed], checkShop: async () => void calls++ }));
    expect((await check()).shops).toHaveLength(1);
    installed.push({ id: '3', domain: 'c.myshopify.com' });
    expect((await check()).shops.map((shop) => shop.domain)).toEqual(['a.myshopify.com', 'c.myshopify.com']);
    expect(calls).toBe(3);
  });

  it('tells the token holder when client addresses are unknown, and nobody else', async () => {
    const clientAddresses = {
      source: 'none' as const,
      recent: { requests: 3, unknown: 3, distinct: 0 },
      warning: 'TRUSTED_PROXIES and CLIENT_ADDRESS_HEADER are unset',
    };
    const report = await createHealthCheck(deps({ clientAddresses: () => clientAddresses }))();
    expect(report.status).toBe('ok');
    expect(report.clientAddresses).toEqual(clientAddresses);
    expect(publicHealthReport(report)).not.toHaveProperty('clientAddresses');
  });
});
