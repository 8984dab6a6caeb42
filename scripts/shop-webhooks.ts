/**
 * Lists and repairs a shop's webhook subscriptions (Admin API), against APP_URL + /api/webhooks/shopify:
 *   npm run shop:webhooks -- --domain acme.myshopify.com [--check]
 *   npm run shop:webhooks -- --all [--check]
 * `--check` only lists and plans. Exit code 0 when every shop is complete (or was repaired), 1 otherwise.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { normalizeShopDomain } from '@/domain/shops/shop-domain';
import type { ReconcileResult } from '@/domain/webhooks/reconcile-webhook-subscriptions';
import type { Services } from '@/server/services';
import { syncWebhookSubscriptions } from '@/server/shops/sync-webhook-subscriptions';

export type ShopWebhooksIo = { out: (line: string) => void; err: (line: string) => void };

/** Parses argv, checks or reconciles the named shop (or all installed shops); returns the exit code. */
export async function runShopWebhooks(argv: string[], openServices: () => Promise<Services>, io: ShopWebhooksIo): Promise<number> {
  let values: { domain?: string; all?: boolean; check?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: { domain: { type: 'string' }, all: { type: 'boolean' }, check: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.err(`shop:webhooks: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const domain = values.domain === undefined ? null : normalizeShopDomain(values.domain);
  if (Boolean(values.all) === (values.domain !== undefined)) {
    io.err('shop:webhooks: name one shop with --domain your-shop.myshopify.com, or --all');
    return 1;
  }
  if (values.domain !== undefined && !domain) {
    io.err('shop:webhooks: --domain must be a your-shop.myshopify.com domain');
    return 1;
  }

  const services = await openServices();
  try {
    const shops = domain ? [await services.shops.findShopByDomain(domain)].filter((shop) => shop !== null) : await services.shops.listShops();
    if (domain && shops.length === 0) {
      io.err(`shop:webhooks: ${domain} is not connected (npm run shop:connect first)`);
      return 1;
    }
    let failed = 0;
    for (const shop of shops) {
      const result = await syncWebhookSubscriptions(services, shop, { dryRun: Boolean(values.check) });
      describe(io, shop.domain, result, Boolean(values.check));
      if (!result.ok || !result.complete) failed += 1;
    }
    if (shops.length === 0) io.out('No installed shops.');
    return failed === 0 ? 0 : 1;
  } finally {
    await services.close();
  }
}

function describe(io: ShopWebhooksIo, domain: string, result: ReconcileResult, check: boolean): void {
  if (!result.ok) {
    io.err(`${domain}: ${result.reason}: ${result.message}`);
    return;
  }
  const { plan } = result;
  const others = plan.foreign > 0 ? `; ${plan.foreign} other address(es) left alone` : '';
  if (check) {
    io.out(`${domain}: ${result.complete ? 'complete' : 'incomplete'} at ${result.callbackUrl} (${plan.keep.length} subscribed${others})`);
    for (const topic of plan.create) io.out(`  missing   ${topic}`);
    for (const move of plan.move) io.out(`  stale     ${move.topic} at ${move.from}`);
    for (const removal of plan.remove) io.out(`  extra     ${removal.topic} at ${removal.callbackUrl} (${removal.reason})`);
    return;
  }
  io.out(
    `${domain}: complete at ${result.callbackUrl} (created ${result.created}, moved ${result.moved}, removed ${result.removed}, kept ${plan.keep.length}${others})`,
  );
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  for (const file of ['.env.local', '.env']) if (existsSync(file)) process.loadEnvFile(file);
  process.env.LOG_LEVEL ??= 'error';
  const { getServices } = await import('@/server/services');
  const code = await runShopWebhooks(process.argv.slice(2), getServices, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  }).catch((error: unknown) => {
    process.stderr.write(`shop:webhooks: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  });
  process.exit(code);
}
