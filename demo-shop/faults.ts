/** Fault injection for API requests (GraphQL + REST): latency, throttling, 5xx, hangs, truncated bodies. */
import { z } from 'zod';
import { createRng, type Rng } from './seed/prng';

export const faultConfigSchema = z.object({
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  throttleNext: z.number().int().min(0).optional(),
  errorNext: z.number().int().min(0).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  errorStatus: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
  timeoutNext: z.number().int().min(0).optional(),
  timeoutRate: z.number().min(0).max(1).optional(),
  malformedNext: z.number().int().min(0).optional(),
  malformedRate: z.number().min(0).max(1).optional(),
});

export type FaultConfig = z.infer<typeof faultConfigSchema>;

export type FaultAction = 'none' | 'throttle' | 'error' | 'timeout' | 'malformed';

export interface FaultDecision {
  latencyMs: number;
  action: FaultAction;
  errorStatus: number;
}

const GLOBAL = '*';

export class FaultControls {
  private readonly scopes = new Map<string, FaultConfig>();
  private rng: Rng;

  constructor(private readonly seed: number) {
    this.rng = createRng(seed ^ 0x5eed);
  }

  /** Merges settings into the shop's scope (or the global scope when `shop` is omitted). */
  set(config: FaultConfig, shop?: string): void {
    const key = shop ?? GLOBAL;
    this.scopes.set(key, { ...(this.scopes.get(key) ?? {}), ...faultConfigSchema.parse(config) });
  }

  /** Shorthand: the next `n` API requests of a shop (or any shop) come back throttled. */
  throttleNext(n: number, shop?: string): void {
    this.set({ throttleNext: n }, shop);
  }

  clear(shop?: string): void {
    if (shop === undefined) this.scopes.clear();
    else this.scopes.delete(shop);
  }

  reset(): void {
    this.scopes.clear();
    this.rng = createRng(this.seed ^ 0x5eed);
  }

  snapshot(): Record<string, FaultConfig> {
    return Object.fromEntries(this.scopes);
  }

  private consume(shop: string, key: 'throttleNext' | 'errorNext' | 'timeoutNext' | 'malformedNext'): boolean {
    for (const scope of [shop, GLOBAL]) {
      const c = this.scopes.get(scope);
      const n = c?.[key];
      if (c && n !== undefined && n > 0) {
        c[key] = n - 1;
        return true;
      }
    }
    return false;
  }

  private roll(shop: string, key: 'errorRate' | 'timeoutRate' | 'malformedRate'): boolean {
    const rate = this.scopes.get(shop)?.[key] ?? this.scopes.get(GLOBAL)?.[key] ?? 0;
    return rate > 0 && this.rng.next() < rate;
  }

  /** Decides (and consumes counters for) one API request. Precedence: timeout, 5xx, malformed, throttle. */
  decide(shop: string): FaultDecision {
    const own = this.scopes.get(shop);
    const global = this.scopes.get(GLOBAL);
    const latencyMs = own?.latencyMs ?? global?.latencyMs ?? 0;
    const configured = own?.errorStatus ?? global?.errorStatus;
    const errorStatus = configured ?? (this.rng.chance(0.5) ? 502 : 503);
    let action: FaultAction = 'none';
    if (this.consume(shop, 'timeoutNext') || this.roll(shop, 'timeoutRate')) action = 'timeout';
    else if (this.consume(shop, 'errorNext') || this.roll(shop, 'errorRate')) action = 'error';
    else if (this.consume(shop, 'malformedNext') || this.roll(shop, 'malformedRate')) action = 'malformed';
    else if (this.consume(shop, 'throttleNext')) action = 'throttle';
    return { latencyMs, action, errorStatus };
  }
}

export function errorPage(status: number): string {
  const title = status === 502 ? 'Bad Gateway' : status === 503 ? 'Service Unavailable' : status === 504 ? 'Gateway Timeout' : 'Internal Server Error';
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${status} ${title}</title></head>` +
    `<body><h1>${title}</h1><p>There was a problem loading this website. Please try again.</p></body></html>\n`
  );
}
