import { describe, expect, it } from 'vitest';
import { createHealthCheck, publicHealthReport, type HealthDeps } from './check-health';

const ok = async () => {};
const base: HealthDeps = {
  database: { kind: 'pglite', ping: ok },
  cache: { kind: 'memory', ping: ok },
  listShops: async () => [
    { id: '1', domain: 'a.myshopify.com' },
    { id: '2', domain: 'b.myshopify.com' },
    { id: '3', domain: 'c.myshopify.com' },
  ],
  checkShop: ok,
  timeoutMs: 50,
};

describe('health check: webhook subscriptions per shop', () => {
  it('reports complete, missing topics, or a closed error kind per shop; public report names none', async () => {
    const report = await createHealthCheck({
      ...base,
      checkWebhooks: async (shop) => {
        if (shop.id === '1') return { complete: true, missing: [] };
        if (shop.id === '2') return { complete: false, missing: ['orders/cancelled'] };
        throw Object.assign(new Error('Shopify unavailable (c.myshopify.com): secret detail'), { kind: 'unavailable' });
      },
    })();
    expect(report.shops.map((shop) => [shop.domain, shop.webhooks])).toEqual([
      ['a.myshopify.com', { complete: true, missing: [] }],
      ['b.myshopify.com', { complete: false, missing: ['orders/cancelled'] }],
      ['c.myshopify.com', { complete: false, error: 'unavailable' }],
    ]);
    expect(JSON.stringify(publicHealthReport(report))).not.toContain('myshopify');
  });

  it('leaves the field out when no webhook check is wired', async () => {
    const report = await createHealthCheck(base)();
    expect(report.shops[0]).not.toHaveProperty('webhooks');
  });
});
