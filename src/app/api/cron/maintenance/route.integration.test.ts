import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The route builds its services from the environment: point them at an in-memory database.
vi.stubEnv('PGLITE_DIR', 'memory://');
vi.stubEnv('APP_SECRET', 'route-test-secret-0123456789abcdef0123456789');
vi.stubEnv('LOG_LEVEL', 'silent');
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('REDIS_URL', '');
vi.stubEnv('CRON_SECRET', 'cron-route-secret-0123456789');

let route: typeof import('./route');
beforeAll(async () => {
  route = await import('./route');
});
afterAll(async () => {
  const { getServices } = await import('@/server/services');
  await (await getServices()).close();
  vi.unstubAllEnvs();
});

const call = (authorization?: string, method = 'GET') =>
  new Request('http://localhost/api/cron/maintenance', { method, headers: authorization ? { authorization } : {} });

describe('/api/cron/maintenance', () => {
  it('refuses callers without the secret and runs the jobs for the cron', async () => {
    const anonymous = await route.GET(call());
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: 'unauthorized' });
    expect((await route.POST(call('Bearer wrong-secret-0123456789', 'POST'))).status).toBe(401);

    const first = await route.GET(call('Bearer cron-route-secret-0123456789'));
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(await first.json()).toEqual({ analyticsFlushed: true, retention: 'ran' });
    const second = await route.POST(call('Bearer cron-route-secret-0123456789', 'POST'));
    expect(await second.json()).toEqual({ analyticsFlushed: true, retention: 'not_due' });
  });
});
