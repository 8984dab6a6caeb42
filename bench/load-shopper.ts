/**
 * A shopper over HTTP for `npm run bench:load`: tRPC (superjson envelope) through the proxy, with its own
 * session cookie and client address, and a strict check of every reply a shopper would see.
 */
import { DATABASE_UNAVAILABLE_MESSAGE } from '../src/server/db/database-unavailable';
import { percentile, type Row } from './bench-kit';

export type Outcome =
  'fresh' | 'stale' | 'unlabelled' | 'no_order' | 'unavailable' | 'not_verified' | 'http_5xx' | 'http_429' | 'http_4xx' | 'trace' | 'network';

const FAILURES: readonly Outcome[] = ['http_5xx', 'trace', 'network', 'unlabelled'];

export class Tally {
  readonly latencies: number[] = [];
  readonly counts = new Map<Outcome, number>();
  /** The first few failures, to say what they were. */
  readonly failures: string[] = [];
  add(outcome: Outcome, ms: number | null, detail?: string) {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
    if (ms !== null) this.latencies.push(ms);
    if (FAILURES.includes(outcome) && this.failures.length < 5 && detail) this.failures.push(`${outcome} ${detail}`);
  }
  count(outcome: Outcome) {
    return this.counts.get(outcome) ?? 0;
  }
  row(name: string, extra: Row = {}): Row {
    const n = [...this.counts.values()].reduce((a, b) => a + b, 0);
    const errors = this.count('http_5xx') + this.count('trace') + this.count('network') + this.count('unlabelled');
    return {
      measure: name,
      requests: n,
      p50_ms: percentile(this.latencies, 50),
      p95_ms: percentile(this.latencies, 95),
      p99_ms: percentile(this.latencies, 99),
      errors,
      '5xx': this.count('http_5xx'),
      traces: this.count('trace'),
      fresh: this.count('fresh'),
      stale: this.count('stale'),
      unavailable: this.count('unavailable'),
      ...extra,
    };
  }
}

type Freshness = { stale?: unknown; note?: unknown } | undefined;
const TRACE = /\n\s+at [^\n]+:\d+:\d+|"stack"\s*:/;

/** Every order a shopper sees must be fresh, or stale with a note saying how old. */
function judge(status: number, text: string, body: unknown): Outcome {
  // Database unreachable: the one 5xx a shopper may see, with the plain "can't look that up right now".
  if (status === 503 && (body as { error?: { json?: { message?: string } } })?.error?.json?.message === DATABASE_UNAVAILABLE_MESSAGE) return 'unavailable';
  if (status >= 500) return 'http_5xx';
  if (TRACE.test(text)) return 'trace';
  if (status === 429) return 'http_429';
  if (status >= 400) return 'http_4xx';
  const data = (body as { result?: { data?: { json?: Record<string, unknown> } } })?.result?.data?.json ?? {};
  const freshness: Freshness[] = [];
  if (data.freshness) freshness.push(data.freshness as Freshness);
  for (const message of (data.messages as { cards?: { type: string; freshness?: Freshness }[] }[] | undefined) ?? []) {
    for (const card of message.cards ?? []) if (card.type === 'order') freshness.push(card.freshness);
  }
  if (data.status === 'unavailable') return 'unavailable';
  if (data.status === 'not_verified') return 'not_verified';
  if (freshness.length === 0) return 'no_order';
  if (freshness.some((f) => !f || typeof f.stale !== 'boolean' || (f.stale && typeof f.note !== 'string'))) return 'unlabelled';
  return freshness.some((f) => f?.stale) ? 'stale' : 'fresh';
}

export type Reply = { outcome: Outcome; ms: number; data: Record<string, unknown> };

export class Shopper {
  private cookie: string | null = null;
  constructor(
    private readonly baseUrl: string,
    private readonly address: string,
  ) {}

  async call(procedure: string, input: unknown, kind: 'mutation' | 'query' = 'mutation', tally?: Tally): Promise<Reply> {
    const payload = JSON.stringify({ json: input });
    const url = kind === 'query' ? `${this.baseUrl}/api/trpc/${procedure}?input=${encodeURIComponent(payload)}` : `${this.baseUrl}/api/trpc/${procedure}`;
    const headers: Record<string, string> = { 'x-forwarded-for': this.address, ...(kind === 'mutation' ? { 'content-type': 'application/json' } : {}) };
    if (this.cookie) headers.cookie = this.cookie;
    const started = performance.now();
    let status = 0;
    let text = '';
    try {
      const response = await fetch(url, {
        method: kind === 'query' ? 'GET' : 'POST',
        headers,
        body: kind === 'mutation' ? payload : undefined,
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      const session = response.headers.getSetCookie().find((c) => c.startsWith('osa_session='));
      if (session) this.cookie = session.split(';')[0]!;
      text = await response.text();
    } catch {
      const ms = performance.now() - started;
      tally?.add('network', ms, `${procedure} after ${Math.round(ms)} ms`);
      return { outcome: 'network', ms, data: {} };
    }
    const ms = performance.now() - started;
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // a non-JSON body (proxy error page) is judged by status
    }
    const outcome = judge(status, text, body);
    tally?.add(outcome, ms, `${procedure} ${status} ${text.slice(0, 160)}`);
    const data = (body as { result?: { data?: { json?: Record<string, unknown> } } })?.result?.data?.json ?? {};
    return { outcome, ms, data };
  }
}
