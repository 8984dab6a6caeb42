import { shopifyErrorKind } from '@/domain/shops/shop';
import type { ClientAddressHealth } from '../http/client-address-reader';

export type ComponentHealth = { ok: boolean; kind: string; latencyMs: number };
/** Whether the shop's webhook subscriptions are complete (`missing`: topics not delivered to APP_URL). */
export type WebhookHealth = { complete: boolean; missing: string[] } | { complete: false; error: string };
export type ShopHealth = { domain: string; ok: boolean; latencyMs: number; error?: string; webhooks?: WebhookHealth };
export type HealthReport = {
  status: 'ok' | 'degraded' | 'down';
  database: ComponentHealth;
  cache: ComponentHealth;
  shops: ShopHealth[];
  /** Whether per-address limits can see clients (a warning does not change the status: the app still serves). */
  clientAddresses?: ClientAddressHealth;
};

/** What anyone may see: up or down, and how many shops pass, without naming them or the proxy setup. */
export type PublicHealthReport = Omit<HealthReport, 'shops' | 'clientAddresses'> & { shops: { total: number; ok: number } };

export function publicHealthReport(report: HealthReport): PublicHealthReport {
  const { clientAddresses: _hidden, ...rest } = report;
  return { ...rest, shops: { total: report.shops.length, ok: report.shops.filter((shop) => shop.ok).length } };
}

export type HealthDeps = {
  database: { kind: string; ping: () => Promise<unknown> };
  cache: { kind: string; ping: () => Promise<unknown> };
  listShops: () => Promise<Array<{ id: string; domain: string }>>;
  /** One cheap Admin API call with the shop's stored token (fetchShopInfo). */
  checkShop: (shop: { id: string; domain: string }) => Promise<unknown>;
  /** Lists the shop's webhook subscriptions and compares them with what the app needs (no changes). */
  checkWebhooks?: (shop: { id: string; domain: string }) => Promise<{ complete: boolean; missing: string[] }>;
  /** What the client address reader saw lately (services.clientAddresses.health). */
  clientAddresses?: () => ClientAddressHealth;
  timeoutMs?: number;
  /** Shop results are reused this long so a public endpoint cannot be used to spend shops' API budget. */
  shopResultTtlMs?: number;
  now?: () => number;
};

const KNOWN_KINDS = new Set(['unauthorized', 'forbidden', 'throttled', 'unavailable', 'timeout', 'bad_response']);

/** Builds the readiness check: the database decides up/down; cache or shop failures only degrade. */
export function createHealthCheck(deps: HealthDeps): () => Promise<HealthReport> {
  const now = deps.now ?? Date.now;
  const timeoutMs = deps.timeoutMs ?? 2000;
  let shopCache: { at: number; ids: string; result: Promise<ShopHealth[]> } | undefined;

  const timed = async (run: () => Promise<unknown>): Promise<{ ok: boolean; latencyMs: number; error?: string }> => {
    const started = now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { kind: 'timeout' })), timeoutMs);
    });
    try {
      await Promise.race([run(), timeout]);
      return { ok: true, latencyMs: now() - started };
    } catch (error) {
      // Only a short, closed vocabulary leaves the server: upstream messages may carry shop details.
      const kind = shopifyErrorKind(error);
      return { ok: false, latencyMs: now() - started, error: kind && KNOWN_KINDS.has(kind) ? kind : 'error' };
    } finally {
      clearTimeout(timer);
    }
  };

  const checkWebhooks = async (shop: { id: string; domain: string }): Promise<WebhookHealth | undefined> => {
    if (!deps.checkWebhooks) return undefined;
    let found: WebhookHealth = { complete: false, error: 'error' };
    const outcome = await timed(async () => {
      const { complete, missing } = await deps.checkWebhooks!(shop);
      found = { complete, missing };
    });
    return outcome.ok ? found : { complete: false, error: outcome.error ?? 'error' };
  };
  const checkShops = (shops: Array<{ id: string; domain: string }>): Promise<ShopHealth[]> =>
    Promise.all(
      shops.map(async (shop) => {
        const [api, webhooks] = await Promise.all([timed(() => deps.checkShop(shop)), checkWebhooks(shop)]);
        return { domain: shop.domain, ...api, ...(webhooks ? { webhooks } : {}) };
      }),
    );

  return async () => {
    const [database, cache] = await Promise.all([timed(deps.database.ping), timed(deps.cache.ping)]);
    let shops: ShopHealth[] = [];
    const installed = database.ok ? await deps.listShops().catch(() => null) : null;
    if (installed) {
      // A newly connected or removed shop is checked at once; otherwise results are reused for the TTL.
      const ids = installed.map((shop) => shop.id).join(',');
      if (!shopCache || shopCache.ids !== ids || now() - shopCache.at > (deps.shopResultTtlMs ?? 30_000)) {
        shopCache = { at: now(), ids, result: checkShops(installed) };
      }
      shops = await shopCache.result;
    }
    const status = !database.ok ? 'down' : cache.ok && installed && shops.every((shop) => shop.ok) ? 'ok' : 'degraded';
    return {
      status,
      database: { ok: database.ok, kind: deps.database.kind, latencyMs: database.latencyMs },
      cache: { ok: cache.ok, kind: deps.cache.kind, latencyMs: cache.latencyMs },
      shops,
      ...(deps.clientAddresses ? { clientAddresses: deps.clientAddresses() } : {}),
    };
  };
}
