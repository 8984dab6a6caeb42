import type { Logger } from '../logger';
import { graphqlEndpoint, graphqlEnvelopeSchema, parseRetryAfterMs, throttleWaitMs, type QueryCost } from './graphql-envelope';
import type { ShopBucket } from './shop-bucket';
import { ShopifyError, type ShopifyErrorKind } from './shopify-error';

export type ShopTarget = { domain: string; apiOrigin: string; accessToken: string };
/**
 * `costKey` groups calls whose requested cost is the same (same document and page size);
 * `initialCost` is reserved until Shopify has told us the real requested cost once.
 */
export type GraphqlOperation = {
  name: string;
  costKey: string;
  initialCost: number;
  query: string;
  variables?: Record<string, unknown>;
};

export type GraphqlTransportDeps = {
  bucket: ShopBucket;
  logger: Logger;
  apiVersion: string;
  timeoutMs: number;
  maxAttempts: number;
  maxThrottleWaitMs: number;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
};

type Sent = { type: 'response'; status: number; retryAfter: string | null; text: string } | { type: 'timeout' } | { type: 'network'; message: string };

const BACKOFF_BASE_MS = 200;
/** A shopper waiting for points re-checks the shared bucket this often: calls in flight give points back early. */
const POINTS_WAIT_STEP_MS = 250;
const operationNameOf = (query: string) => /\b(?:query|mutation)\s+([A-Za-z_]\w*)/.exec(query)?.[1];
const BACKOFF_MAX_MS = 2000;

export type GraphqlTransport = { request(shop: ShopTarget, operation: GraphqlOperation): Promise<unknown> };

/**
 * One GraphQL call with Shopify's failure modes handled: shared cost budget before the call,
 * THROTTLED / 429 waits, bounded backoff for 5xx, network errors and timeouts. Resolves to `data`
 * or rejects with a ShopifyError.
 */
export function createGraphqlTransport(deps: GraphqlTransportDeps): GraphqlTransport {
  const measuredCost = new Map<string, number>();
  /** Calls of this process on their way to a shop: they will give back what they reserved and did not spend. */
  const inFlight = new Map<string, number>();
  const random = deps.random ?? Math.random;

  async function send(url: string, shop: ShopTarget, operation: GraphqlOperation): Promise<Sent> {
    try {
      const response = await deps.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Shopify-Access-Token': shop.accessToken },
        body: JSON.stringify({ query: operation.query, variables: operation.variables ?? {}, operationName: operationNameOf(operation.query) }),
        signal: AbortSignal.timeout(deps.timeoutMs),
      });
      const text = await response.text();
      return { type: 'response', status: response.status, retryAfter: response.headers.get('retry-after'), text };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') return { type: 'timeout' };
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      return { type: 'network', message: `${error instanceof Error ? error.message : String(error)}${cause}` };
    }
  }

  async function request(shop: ShopTarget, operation: GraphqlOperation): Promise<unknown> {
    const context = { shop: shop.domain, operation: operation.name };
    const url = graphqlEndpoint(shop.apiOrigin, deps.apiVersion);
    const fail = (kind: ShopifyErrorKind, message: string, status?: number): ShopifyError => {
      deps.logger.warn('shopify call failed', { ...context, kind, status, detail: message });
      return new ShopifyError(kind, shop.domain, message, status === undefined ? undefined : { status });
    };
    if (!url) throw fail('bad_response', 'the shop has an invalid API origin');

    let waitedMs = 0;
    let failures = 0;
    let badJsonRetried = false;
    const waitOrThrow = async (ms: number, reason: string) => {
      if (waitedMs + ms > deps.maxThrottleWaitMs) throw fail('throttled', `${reason}; would wait ${ms} ms`);
      waitedMs += ms;
      deps.logger.info('shopify throttled, waiting', { ...context, reason, waitMs: ms });
      await deps.sleep(ms);
    };
    // Points return at the restore rate, and sooner when calls in flight settle (they reserved the requested cost
    // and spend far less), so a shopper waits in short steps up to the answer-time budget. With nothing in flight
    // only the restore rate helps: when that is too slow for the budget, say so at once (real exhaustion).
    const waitForPoints = async (ms: number) => {
      const left = deps.maxThrottleWaitMs - waitedMs;
      if (left <= 0 || (ms > left && (inFlight.get(shop.domain) ?? 0) === 0))
        throw fail('throttled', `shared bucket empty; would wait ${ms} ms, ${Math.max(0, left)} ms left`);
      const step = Math.min(ms, left, POINTS_WAIT_STEP_MS);
      waitedMs += step;
      deps.logger.debug('waiting for shopify points', { ...context, waitMs: step });
      await deps.sleep(step);
    };
    const backoffOrThrow = async (kind: ShopifyErrorKind, message: string, status?: number) => {
      failures += 1;
      if (failures >= deps.maxAttempts) throw fail(kind, `${message} after ${failures} attempts`, status);
      const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (failures - 1));
      const delay = Math.round(ceiling / 2 + (random() * ceiling) / 2);
      deps.logger.warn('shopify call failed, retrying', { ...context, kind, status, attempt: failures, delayMs: delay });
      await deps.sleep(delay);
    };

    for (;;) {
      const estimate = measuredCost.get(operation.costKey) ?? operation.initialCost;
      for (;;) {
        const taken = await deps.bucket.take(shop.domain, estimate);
        if (taken.ok) break;
        await waitForPoints(taken.waitMs);
      }

      inFlight.set(shop.domain, (inFlight.get(shop.domain) ?? 0) + 1);
      let sent: Sent;
      try {
        sent = await send(url, shop, operation);
      } finally {
        inFlight.set(shop.domain, (inFlight.get(shop.domain) ?? 1) - 1);
      }
      if (sent.type === 'timeout' || sent.type === 'network') {
        // Give the reservation back before a retry reserves again (it would be held twice); Shopify's next
        // reading corrects the bucket if the lost call did run.
        await deps.bucket.refund(shop.domain, estimate);
        if (sent.type === 'timeout') await backoffOrThrow('timeout', `no answer within ${deps.timeoutMs} ms`);
        else await backoffOrThrow('unavailable', `network error (${sent.message})`);
        continue;
      }
      const { status } = sent;
      if (status !== 200) await deps.bucket.refund(shop.domain, estimate);
      if (status === 401) throw fail('unauthorized', 'access token rejected', status);
      if (status === 403) throw fail('forbidden', 'access denied', status);
      if (status === 429) {
        failures += 1;
        if (failures >= deps.maxAttempts) throw fail('throttled', `HTTP 429 after ${failures} attempts`, status);
        await waitOrThrow(parseRetryAfterMs(sent.retryAfter) ?? 1000, 'HTTP 429');
        continue;
      }
      if (status >= 500) {
        await backoffOrThrow('unavailable', `HTTP ${status}`, status);
        continue;
      }
      if (status < 200 || status >= 300) throw fail('bad_response', `unexpected HTTP ${status}`, status);

      let json: unknown;
      try {
        json = JSON.parse(sent.text);
      } catch {
        if (badJsonRetried) throw fail('bad_response', 'response is not JSON', status);
        badJsonRetried = true;
        continue;
      }
      const envelope = graphqlEnvelopeSchema.safeParse(json);
      if (!envelope.success) throw fail('bad_response', 'response is not a GraphQL envelope', status);
      const { data, errors, extensions } = envelope.data;
      await settleCost(shop.domain, operation.costKey, estimate, extensions?.cost);

      if (errors && errors.length > 0) {
        const codes = errors.map((error) => error.extensions?.code ?? 'UNKNOWN');
        if (codes.includes('THROTTLED')) {
          failures += 1;
          if (failures >= deps.maxAttempts) throw fail('throttled', `THROTTLED after ${failures} attempts`);
          await waitOrThrow(throttleWaitMs(extensions?.cost, estimate), 'THROTTLED');
          continue;
        }
        if (codes.includes('ACCESS_DENIED')) throw fail('forbidden', 'ACCESS_DENIED (missing scope?)');
        throw fail(
          'bad_response',
          `GraphQL errors: ${codes.join(', ')}; ${errors
            .map((e) => e.message ?? '')
            .join(' | ')
            .slice(0, 300)}`,
        );
      }
      if (data === undefined || data === null) throw fail('bad_response', 'response has no data');
      return data;
    }
  }

  /** Gives back what Shopify did not charge, lowers the shared bucket to Shopify's reading, learns the cost. */
  async function settleCost(domain: string, costKey: string, reserved: number, cost: QueryCost | null | undefined) {
    if (!cost) return;
    deps.logger.debug('shopify query cost', {
      shop: domain,
      costKey,
      reserved,
      requested: cost.requestedQueryCost,
      actual: cost.actualQueryCost,
      available: cost.throttleStatus?.currentlyAvailable,
    });
    if (typeof cost.requestedQueryCost === 'number') measuredCost.set(costKey, cost.requestedQueryCost);
    await deps.bucket.refund(domain, reserved - (cost.actualQueryCost ?? 0));
    if (cost.throttleStatus) await deps.bucket.observe(domain, cost.throttleStatus);
  }

  return { request };
}
