/** Leaky buckets: GraphQL cost points (restore per second) and REST request counts (leak per second). */
import type { BucketConfig } from './shops';

export type Clock = () => number;

/** GraphQL: holds points; a request must fit its requested cost, unused points are refunded after. */
export class PointBucket {
  private available: number;
  private last: number;

  constructor(
    public config: BucketConfig,
    private readonly clock: Clock,
  ) {
    this.available = config.max;
    this.last = clock();
  }

  private refill(): void {
    const now = this.clock();
    this.available = Math.min(this.config.max, this.available + ((now - this.last) / 1000) * this.config.rate);
    this.last = now;
  }

  currentlyAvailable(): number {
    this.refill();
    return Math.floor(this.available);
  }

  /** Takes `cost` points if they fit; false means THROTTLED (nothing taken). */
  tryTake(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.config.max, this.available + points);
  }

  drain(): void {
    this.refill();
    this.available = 0;
  }

  status(): { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } {
    return { maximumAvailable: this.config.max, currentlyAvailable: this.currentlyAvailable(), restoreRate: this.config.rate };
  }
}

/** REST: counts requests; pass-or-fail, no queueing (shopify-api.md §4.1). */
export class RequestBucket {
  private level = 0;
  private last: number;

  constructor(
    public config: BucketConfig,
    private readonly clock: Clock,
  ) {
    this.last = clock();
  }

  private leak(): void {
    const now = this.clock();
    this.level = Math.max(0, this.level - ((now - this.last) / 1000) * this.config.rate);
    this.last = now;
  }

  tryAdd(): boolean {
    this.leak();
    if (this.level + 1 > this.config.max) return false;
    this.level += 1;
    return true;
  }

  /** Value for `X-Shopify-Shop-Api-Call-Limit`, e.g. `3/40`. */
  header(): string {
    this.leak();
    return `${Math.ceil(this.level)}/${this.config.max}`;
  }

  fill(): void {
    this.leak();
    this.level = this.config.max;
  }
}

/** Buckets are per access token (Shopify: per app + store). */
export class BucketRegistry {
  private readonly points = new Map<string, PointBucket>();
  private readonly requests = new Map<string, RequestBucket>();

  constructor(private readonly clock: Clock) {}

  graphql(token: string, config: BucketConfig): PointBucket {
    let b = this.points.get(token);
    if (!b) {
      b = new PointBucket({ ...config }, this.clock);
      this.points.set(token, b);
    }
    return b;
  }

  rest(token: string, config: BucketConfig): RequestBucket {
    let b = this.requests.get(token);
    if (!b) {
      b = new RequestBucket({ ...config }, this.clock);
      this.requests.set(token, b);
    }
    return b;
  }

  reset(): void {
    this.points.clear();
    this.requests.clear();
  }
}
