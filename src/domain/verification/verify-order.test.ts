import { describe, expect, it } from 'vitest';
import { sourceOrder } from '../../../test/support/source-order-fixture';
import type { SourceOrder } from '../orders/source-order';
import { verifyOrder, type VerifyOrderDeps } from './verify-order';

const START = Date.parse('2025-03-10T15:00:00Z');
const HOUR = 3_600_000;

/** In-memory parts and a clock that moves only when the fake Shopify call takes time. */
function setup(options: { shopifyMs: number; orders?: SourceOrder[]; random?: number }) {
  let clock = START;
  const slept: number[] = [];
  const grants: Array<{ subject: string; expiresAt: Date }> = [];
  const audits: string[] = [];
  const counters = new Map<string, number>();
  const json = new Map<string, unknown>();
  const deps: VerifyOrderDeps = {
    shopId: 'shop-1',
    timeZone: 'UTC',
    gateway: {
      findOrdersByNames: async () => {
        clock += options.shopifyMs;
        return options.orders ?? [sourceOrder()];
      },
      getOrder: async () => null,
    },
    cache: {
      getJson: async <T>(key: string) => (json.get(key) as T | undefined) ?? null,
      setJson: async (key, value) => void json.set(key, value),
    },
    snapshots: { saveSnapshot: async () => undefined, findSnapshot: async () => null, findSnapshotsByName: async () => [] },
    hashEmail: (email) => `h(${email.trim().toLowerCase()})`,
    now: () => new Date(clock),
    counters: {
      get: async (key) => (counters.has(key) ? String(counters.get(key)) : null),
      increment: async (key) => {
        counters.set(key, (counters.get(key) ?? 0) + 1);
        return counters.get(key)!;
      },
      ttl: async () => null,
    },
    limits: { perHolder: { maxFailures: 5, windowMs: HOUR }, perClient: { maxFailures: 20, windowMs: HOUR }, perOrder: { maxFailures: 10, windowMs: HOUR } },
    hashClient: (address) => `c(${address})`,
    createGrant: async (grant) => (grants.push(grant), { id: `grant-${grants.length}` }),
    audit: async (entry) => void audits.push(`${entry.result}:${entry.reason}`),
    grantTtlMs: 24 * HOUR,
    minimumFailureMs: 400,
    sleep: async (ms) => void slept.push(ms),
    random: () => options.random ?? 0,
  };
  return { deps, slept, grants, audits };
}

const input = (email: string) => ({ reference: '#1001', email, holderHash: 'holder-1', clientAddress: '1.1.1.1', door: 'page' as const });

describe('verifyOrder on the clock and randomness it is given', () => {
  it('pads a failure to what is left of the minimum after the lookup, plus its share of the 20 % jitter', async () => {
    const { deps, slept, audits } = setup({ shopifyMs: 150, random: 0.25 });
    expect(await verifyOrder(deps, input('someone.else@example.com'))).toEqual({ ok: false, reason: 'not_verified' });
    // 400 − 150 elapsed + 0.25 × 20 % of 400.
    expect(slept).toEqual([270]);
    expect(audits).toEqual(['failure:email_mismatch']);
  });

  it('does not slow down a failure that already took longer than the minimum', async () => {
    const { deps, slept } = setup({ shopifyMs: 900, random: 0.99 });
    expect(await verifyOrder(deps, input('someone.else@example.com'))).toEqual({ ok: false, reason: 'not_verified' });
    expect(slept).toEqual([]);
  });

  it('answers a success without padding, with a grant that expires grantTtlMs after the clock read at grant time', async () => {
    const { deps, slept, grants, audits } = setup({ shopifyMs: 150 });
    const result = await verifyOrder(deps, input('Jane.Doe@example.com'));
    expect(result).toMatchObject({ ok: true, grantId: 'grant-1', stale: false, record: { orderName: '#1001' } });
    expect(slept).toEqual([]);
    expect(grants).toEqual([{ kind: 'order', subject: expect.any(String), door: 'page', expiresAt: new Date(START + 150 + 24 * HOUR) }]);
    expect(audits).toEqual(['success:shopify']);
  });
});
