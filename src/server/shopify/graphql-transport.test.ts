import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../cache/key-value-store';
import { MemoryStore } from '../cache/memory-store';
import type { Logger } from '../logger';
import { createGraphqlTransport } from './graphql-transport';
import { createShopBucket } from './shop-bucket';
import { ShopifyError } from './shopify-error';

const SHOP = { domain: 'unit.myshopify.com', apiOrigin: 'https://unit.myshopify.com', accessToken: 'shpat_secret_token_value' };
const OP = { name: 'unit', costKey: 'unit', initialCost: 10, query: '{ shop { name } }' };
const cost = (requested: number, available: number, actual: number | null = requested) => ({
  cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate: 100 } },
});

type Reply = { status?: number; body: unknown; headers?: Record<string, string> };

function harness(replies: Reply[], options: { store?: KeyValueStore; maxThrottleWaitMs?: number } = {}) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const sleeps: number[] = [];
  const logs: string[] = [];
  const log = (message: string, fields?: Record<string, unknown>) => void logs.push(JSON.stringify({ message, ...fields }));
  const logger: Logger = { debug: log, info: log, warn: log, error: log };
  const fakeFetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string> });
    const reply = replies.shift();
    if (!reply) throw new Error('no scripted reply left');
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(text, { status: reply.status ?? 200, headers: reply.headers ?? {} });
  }) as unknown as typeof fetch;
  // Sleeping advances a fake clock, so the bucket refills as it would in real time.
  let clock = 1_000_000;
  const now = () => clock;
  const store = options.store ?? new MemoryStore(1000, now);
  const transport = createGraphqlTransport({
    bucket: createShopBucket({ store, logger, now }),
    logger,
    apiVersion: '2025-01',
    timeoutMs: 1000,
    maxAttempts: 3,
    maxThrottleWaitMs: options.maxThrottleWaitMs ?? 4000,
    fetch: fakeFetch,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
  });
  return { transport, calls, sleeps, logs };
}

const throttled = { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }], extensions: cost(752, 666, null) };
const ok = { data: { shop: { name: 'Unit' } }, extensions: cost(1, 1999, 1) };

describe('graphql transport', () => {
  it('retries THROTTLED after (requested - available) / restoreRate', async () => {
    const h = harness([{ body: throttled }, { body: ok }]);
    await expect(h.transport.request(SHOP, OP)).resolves.toEqual({ shop: { name: 'Unit' } });
    expect(h.calls).toHaveLength(2);
    expect(h.sleeps).toEqual([860]);
    expect(h.calls[0]?.url).toBe('https://unit.myshopify.com/admin/api/2025-01/graphql.json');
    expect(h.calls[0]?.headers['X-Shopify-Access-Token']).toBe(SHOP.accessToken);
  });

  it('gives up with `throttled` when the wait would exceed maxThrottleWaitMs', async () => {
    const h = harness([{ body: throttled }], { maxThrottleWaitMs: 500 });
    await expect(h.transport.request(SHOP, OP)).rejects.toMatchObject({ kind: 'throttled', shopDomain: SHOP.domain });
    expect(h.calls).toHaveLength(1);
  });

  it('reads Retry-After on 429 as seconds (2.0 → 2000 ms, not 2 ms)', async () => {
    const h = harness([{ status: 429, body: { errors: 'Exceeded' }, headers: { 'Retry-After': '2.0' } }, { body: ok }]);
    await h.transport.request(SHOP, OP);
    expect(h.sleeps).toEqual([2000]);
  });

  it('maps ACCESS_DENIED to forbidden and 401 to unauthorized without retrying', async () => {
    const denied = harness([{ body: { errors: [{ message: 'Access denied', extensions: { code: 'ACCESS_DENIED' } }], data: null } }]);
    await expect(denied.transport.request(SHOP, OP)).rejects.toMatchObject({ kind: 'forbidden' });
    const unauthorized = harness([{ status: 401, body: { errors: '[API] Invalid API key or access token' } }]);
    await expect(unauthorized.transport.request(SHOP, OP)).rejects.toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(unauthorized.calls).toHaveLength(1);
  });

  it('retries malformed JSON once, then reports bad_response', async () => {
    const h = harness([{ body: '<html>oops' }, { body: '{"data":' }]);
    const error = await h.transport.request(SHOP, OP).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyError);
    expect((error as ShopifyError).kind).toBe('bad_response');
    expect(h.calls).toHaveLength(2);
  });

  it('never puts the access token in errors or logs', async () => {
    const h = harness([
      { status: 500, body: 'x' },
      { status: 502, body: 'x' },
      { status: 503, body: 'x' },
    ]);
    const error = (await h.transport.request(SHOP, OP).catch((e: unknown) => e)) as ShopifyError;
    expect(error.kind).toBe('unavailable');
    expect(error.status).toBe(503);
    expect(h.sleeps).toEqual([150, 300]); // exponential, jittered (random fixed at 0.5)
    expect(`${error.message} ${error.stack} ${h.logs.join('\n')}`).not.toContain(SHOP.accessToken);
    expect(h.logs.join('\n')).toContain(SHOP.domain);
  });

  it('uses a per-process bucket when the shared store fails, and says so once', async () => {
    const broken = new MemoryStore();
    const boom = async () => {
      throw new Error('ECONNREFUSED');
    };
    Object.assign(broken, { takeTokens: boom, refundTokens: boom, capTokens: boom, calibrateTokens: boom });
    const h = harness([{ body: ok }, { body: ok }], { store: broken });
    await h.transport.request(SHOP, OP);
    await h.transport.request(SHOP, OP);
    expect(h.calls).toHaveLength(2);
    expect(h.logs.filter((line) => line.includes('bucket store unavailable'))).toHaveLength(1);
  });
});

describe('graphql transport: waiting for points', () => {
  const BIG = { ...OP, costKey: 'big', initialCost: 1500 };
  const answer = (requested: number, available: number) => ({ data: { shop: { name: 'Unit' } }, extensions: cost(requested, available, 10) });

  /** A shop whose replies wait until `release()`; the fake clock moves only when the transport sleeps. */
  function slowHarness(options: { maxThrottleWaitMs?: number; timeouts?: number; available?: number } = {}) {
    let clock = 1_000_000;
    const now = () => clock;
    const logger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
    const held: Array<() => void> = [];
    let timeouts = options.timeouts ?? 0;
    let calls = 0;
    const fakeFetch = (async () => {
      calls += 1;
      if (timeouts > 0) {
        timeouts -= 1;
        throw Object.assign(new Error('timed out'), { name: 'TimeoutError' });
      }
      await new Promise<void>((resolve) => held.push(resolve));
      return new Response(JSON.stringify(answer(1500, options.available ?? 1990)), { status: 200 });
    }) as unknown as typeof fetch;
    const transport = createGraphqlTransport({
      bucket: createShopBucket({ store: new MemoryStore(1000, now), logger, now }),
      logger,
      apiVersion: '2025-01',
      timeoutMs: 1000,
      maxAttempts: 3,
      maxThrottleWaitMs: options.maxThrottleWaitMs ?? 4000,
      fetch: fakeFetch,
      sleep: async (ms) => {
        clock += ms;
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
      random: () => 0.5,
    });
    const release = () => held.splice(0).forEach((resolve) => resolve());
    return { transport, release, calls: () => calls, waiting: () => held.length };
  }

  it('a shopper waits for the points a call in flight gives back, instead of giving up at once', async () => {
    const h = slowHarness();
    const first = h.transport.request(SHOP, BIG); // holds 1,500 of the 2,000 points while in flight
    await new Promise((resolve) => setTimeout(resolve, 5));
    // 500 left; the restore rate alone would need 10 s (> the 4 s budget), but the first call will settle.
    const second = h.transport.request(SHOP, BIG);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(h.calls()).toBe(1);
    h.release(); // Shopify answers the first call: it spent 10 points and reports 1,990 available
    await expect(first).resolves.toEqual({ shop: { name: 'Unit' } });
    await expect.poll(() => h.waiting()).toBe(1);
    h.release();
    await expect(second).resolves.toEqual({ shop: { name: 'Unit' } });
  });

  it('at real exhaustion (Shopify reports an empty bucket, nothing in flight) it says so at once', async () => {
    const h = slowHarness({ maxThrottleWaitMs: 1000, available: 0 });
    const first = h.transport.request(SHOP, BIG);
    await new Promise((resolve) => setTimeout(resolve, 5));
    h.release();
    await first;
    const started = Date.now();
    // 1,500 points at 100/s is 15 s, far beyond the 1 s budget, and no call in flight will give points back.
    await expect(h.transport.request(SHOP, BIG)).rejects.toMatchObject({ kind: 'throttled' });
    expect(h.calls()).toBe(1);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('a timed-out attempt gives its reservation back before the retry reserves again', async () => {
    const h = slowHarness({ timeouts: 2 });
    const pending = h.transport.request(SHOP, { ...OP, costKey: 'timeouts', initialCost: 900 });
    await expect.poll(() => h.waiting()).toBe(1); // third attempt reached the shop: 3 × 900 would not have fit in 2,000
    h.release();
    await expect(pending).resolves.toEqual({ shop: { name: 'Unit' } });
    expect(h.calls()).toBe(3);
  });
});
