import { describe, expect, it } from 'vitest';
import { acceptedMessage, requestMagicLink, safeCallbackPath, type RequestMagicLinkDeps } from './request-magic-link';

const SHOP = { id: 'shop-1', domain: 'acme-outdoors.myshopify.com', name: 'Acme Outdoors' };
const START = Date.parse('2025-06-15T12:00:00Z');

function fakeDeps(overrides: Partial<RequestMagicLinkDeps> = {}) {
  const counts = new Map<string, number>();
  const sent: Array<{ email: string; callbackPath: string }> = [];
  const audits: string[] = [];
  const deps: RequestMagicLinkDeps = {
    counters: {
      increment: async (key) => {
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return counts.get(key)!;
      },
      ttl: async () => 30 * 60_000,
    },
    limits: { perEmail: { max: 3, windowMs: 3_600_000 }, perClient: { max: 10, windowMs: 3_600_000 } },
    hashEmail: (email) => `h(${email})`,
    hashClient: (address) => (address === null ? null : `c(${address})`),
    hasOrders: async (_shop, email) => email.startsWith('buyer'),
    sendLink: async ({ email, callbackPath }) => {
      sent.push({ email, callbackPath });
    },
    audit: async (entry) => {
      audits.push(`${entry.result}:${entry.reason}`);
    },
    minimumResponseMs: 0,
    sleep: async () => undefined,
    now: () => new Date(START),
    random: () => 0,
    ...overrides,
  };
  return { deps, sent, audits, counts };
}

describe('requestMagicLink', () => {
  it('mails only an email with orders, answering both the same, and normalises the address', async () => {
    const { deps, sent, audits } = fakeDeps();
    const a = await requestMagicLink(deps, { shop: SHOP, email: ' Buyer@Example.COM ', clientAddress: '1.1.1.1' });
    const b = await requestMagicLink(deps, { shop: SHOP, email: 'nobody@example.com', clientAddress: '1.1.1.1' });
    expect(a).toEqual({ status: 'accepted', message: acceptedMessage('Acme Outdoors') });
    expect(b).toEqual(a);
    expect(sent).toEqual([{ email: 'buyer@example.com', callbackPath: '/t/acme-outdoors.myshopify.com/orders' }]);
    expect(audits).toEqual(['success:sent', 'failure:no_orders']);
  });

  it('rejects a malformed address without counting or sending', async () => {
    const { deps, sent } = fakeDeps();
    expect((await requestMagicLink(deps, { shop: SHOP, email: 'not-an-email', clientAddress: '1.1.1.1' })).status).toBe('invalid_email');
    expect(sent).toEqual([]);
  });

  it('keeps no per-client counter for unknown addresses, so they never share one bucket; the per-email limit still holds', async () => {
    const { deps, counts } = fakeDeps();
    for (let index = 0; index < 15; index += 1) {
      expect((await requestMagicLink(deps, { shop: SHOP, email: `buyer${index}@example.com`, clientAddress: null })).status).toBe('accepted');
    }
    expect([...counts.keys()].filter((key) => key.startsWith('magic-link:client:'))).toEqual([]);
    for (let index = 0; index < 3; index += 1) await requestMagicLink(deps, { shop: SHOP, email: 'buyer@example.com', clientAddress: null });
    expect((await requestMagicLink(deps, { shop: SHOP, email: 'buyer@example.com', clientAddress: null })).status).toBe('limited');
  });

  it('fails closed when the counter store is down', async () => {
    const { deps, sent, audits } = fakeDeps({ counters: { increment: async () => Promise.reject(new Error('down')), ttl: async () => null } });
    expect((await requestMagicLink(deps, { shop: SHOP, email: 'buyer@example.com', clientAddress: '1.1.1.1' })).status).toBe('limited');
    expect(sent).toEqual([]);
    expect(audits).toEqual(['unavailable:limits_unavailable']);
  });

  it('still sends when Shopify cannot say, and answers the same when the mail fails', async () => {
    const unknown = fakeDeps({ hasOrders: async () => 'unknown' });
    await requestMagicLink(unknown.deps, { shop: SHOP, email: 'x@example.com', clientAddress: '1.1.1.1' });
    expect(unknown.sent).toHaveLength(1);
    const failing = fakeDeps({ sendLink: async () => Promise.reject(new Error('smtp')) });
    const result = await requestMagicLink(failing.deps, { shop: SHOP, email: 'buyer@example.com', clientAddress: '1.1.1.1' });
    expect(result.status).toBe('accepted');
    expect(failing.audits).toEqual(['unavailable:send_failed']);
  });

  it('pads every answer to the minimum time', async () => {
    const slept: number[] = [];
    const { deps } = fakeDeps({ minimumResponseMs: 500, sleep: async (ms) => void slept.push(ms) });
    await requestMagicLink(deps, { shop: SHOP, email: 'nobody@example.com', clientAddress: '1.1.1.1' });
    expect(slept[0]).toBeGreaterThan(400);
  });

  it('pads by what is left of the minimum after the work, plus up to 20 % jitter, on the clock it is given', async () => {
    let clock = START;
    const slept: number[] = [];
    const base = {
      minimumResponseMs: 500,
      sleep: async (ms: number) => void slept.push(ms),
      now: () => new Date(clock),
      random: () => 0.5,
    };
    // The Shopify check takes 120 ms: 380 ms are left, plus 0.5 × 20 % of 500.
    const quick = fakeDeps({ ...base, hasOrders: async () => ((clock += 120), false) });
    await requestMagicLink(quick.deps, { shop: SHOP, email: 'nobody@example.com', clientAddress: '1.1.1.1' });
    expect(slept).toEqual([430]);
    // Work that already took longer than the minimum is not slowed down further.
    const slow = fakeDeps({ ...base, hasOrders: async () => ((clock += 800), false) });
    await requestMagicLink(slow.deps, { shop: SHOP, email: 'nobody@example.com', clientAddress: '1.1.1.1' });
    expect(slept).toEqual([430]);
  });
});

describe('safeCallbackPath', () => {
  it.each([
    [undefined, '/t/acme-outdoors.myshopify.com/orders'],
    ['/t/acme-outdoors.myshopify.com/orders/123', '/t/acme-outdoors.myshopify.com/orders/123'],
    ['https://evil.example/t/acme-outdoors.myshopify.com/', '/t/acme-outdoors.myshopify.com/orders'],
    ['//evil.example/', '/t/acme-outdoors.myshopify.com/orders'],
    ['/t/nordic-threads.myshopify.com/orders', '/t/acme-outdoors.myshopify.com/orders'],
    ['/t/acme-outdoors.myshopify.com/../../admin', '/t/acme-outdoors.myshopify.com/orders'],
    ['/t/acme-outdoors.myshopify.com/orders?x=1', '/t/acme-outdoors.myshopify.com/orders'],
  ])('%j → %j', (input, expected) => {
    expect(safeCallbackPath('acme-outdoors.myshopify.com', input)).toBe(expected);
  });
});
