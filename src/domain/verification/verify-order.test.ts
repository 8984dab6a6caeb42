import { describe, expect, it } from 'vitest';
import { sourceOrder } from '../../../test/support/source-order-fixture';
import type { SourceOrder } from '../orders/source-order';
import { LAST_TRY_WARNING, NOT_VERIFIED_MESSAGE, describeVerifyFailure } from './verify-failure-message';
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

describe('the last-try warning and the pause cannot tell causes apart', () => {
  // Five failures per session: the fourth warns, the fifth pauses, the sixth is refused without a lookup.
  const causes = {
    'wrong email for a real order': { reference: '#1001', email: 'someone.else@example.com' },
    'an order number that does not exist': { reference: '#99999', email: 'jane.doe@example.com' },
    'a malformed email': { reference: '#1001', email: 'not-an-email' },
    'a malformed order number': { reference: 'abc', email: 'jane.doe@example.com' },
  };

  async function sixAttempts(attempt: { reference: string; email: string }) {
    const { deps, slept } = setup({ shopifyMs: 150, random: 0 });
    const answers = [];
    for (let index = 0; index < 6; index += 1) {
      const startedAt = deps.now().getTime();
      const sleptBefore = slept.length;
      const result = await verifyOrder(deps, { ...attempt, holderHash: 'holder-1', clientAddress: '1.1.1.1', door: 'page' });
      // What the shopper waits: the lookup's own time plus the padding.
      const waitedMs = deps.now().getTime() - startedAt + slept.slice(sleptBefore).reduce((sum, ms) => sum + ms, 0);
      answers.push({ result, message: result.ok ? null : describeVerifyFailure(result), waitedMs });
    }
    return answers;
  }

  it('warns on the fourth failure and pauses on the fifth, worded for the shopper', async () => {
    const answers = await sixAttempts(causes['wrong email for a real order']);
    expect(answers.slice(0, 3).map((a) => a.result)).toEqual(Array(3).fill({ ok: false, reason: 'not_verified' }));
    expect(answers[3]!.result).toEqual({ ok: false, reason: 'not_verified', triesLeft: 1 });
    expect(answers[3]!.message).toBe(`${NOT_VERIFIED_MESSAGE} ${LAST_TRY_WARNING}`);
    expect(answers[4]!.result).toEqual({ ok: false, reason: 'not_verified', triesLeft: 0, retryAfterMs: HOUR });
    expect(answers[4]!.message).toBe(`${NOT_VERIFIED_MESSAGE} Too many attempts. For your security, please try again in 60 minutes.`);
    expect(answers[5]!.result).toEqual({ ok: false, reason: 'locked', retryAfterMs: HOUR });
  });

  it('answers every cause with the same results, messages and padded time, attempt by attempt', async () => {
    const runs = await Promise.all(Object.values(causes).map(sixAttempts));
    // Padding makes the shopper wait the same whether or not Shopify was asked (jitter is 0 here).
    expect(runs[0]!.slice(0, 5).map((a) => a.waitedMs)).toEqual(Array(5).fill(400));
    for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
  });
});
