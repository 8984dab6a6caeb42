/**
 * `npm run demo`: the whole product on embedded defaults. Starts the demo Shopify shop (its own process),
 * connects its shops to the app's database, builds the app if needed, starts it and prints the URLs.
 *   --port 3000 --shop-port 4010 --data-dir .data --fresh (wipe the data folder) --dev (next dev, hot reload)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DEFAULT_SHOPS, DEMO_HEALTH_TOKEN } from '../demo-shop/shops';
import { DEMO_SHOPIFY_API_KEY, DEMO_SHOPIFY_API_SECRET, parseEnv } from '../src/env';
import { createServices } from '../src/server/services';
import { shops } from '../src/server/db/schema';
import { connectShop } from '../src/domain/shops/connect-shop';
import { connectShopDeps } from '../src/server/wiring/shop-deps';
import { createShopMemberRepository } from '../src/server/dashboard/shop-members';
import { syncWebhookSubscriptions } from '../src/server/shops/sync-webhook-subscriptions';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'shop-port': { type: 'string', default: process.env.DEMO_SHOP_PORT ?? '4010' },
    'data-dir': { type: 'string', default: '.data' },
    fresh: { type: 'boolean', default: false },
    dev: { type: 'boolean', default: false },
  },
});
const options = z
  .object({ port: z.coerce.number().int().min(1).max(65535), shopPort: z.coerce.number().int().min(1).max(65535), dataDir: z.string().min(1) })
  .parse({ port: values.port, shopPort: values['shop-port'], dataDir: values['data-dir'] });

const children: ChildProcess[] = [];
const stopAll = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});
process.on('SIGTERM', () => {
  stopAll();
  process.exit(143);
});
process.on('exit', stopAll);

function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, label: string): ChildProcess {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${label}] ${line}\n`)
      .join('');
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) {
      console.error(`${label} exited with code ${code}`);
      stopAll();
      process.exit(1);
    }
  });
  return child;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function newestSourceChange(paths: string[]): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stat = statSync(entry);
    if (stat.isDirectory()) readdirSync(entry).forEach((name) => visit(path.join(entry, name)));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.filter((entry) => existsSync(entry)).forEach(visit);
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join('.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  return newestSourceChange(['src', 'public', 'next.config.js', 'package-lock.json']) > statSync(buildId).mtimeMs;
}

function demoAppSecret(dataDir: string): string {
  const file = path.join(dataDir, 'dev-app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The one demo shop whose merchant set a support address (chat hand-offs reach /dev/outbox); the others show the missing-address notice. */
const DEMO_SUPPORT_EMAILS: Record<string, string> = { 'acme-outdoors.myshopify.com': 'help@acme-outdoors.example' };

/** Lets the demo storefront page (served by the demo shop) frame this shop's chat widget. */
async function allowDemoStorefront(services: Awaited<ReturnType<typeof createServices>>, domain: string, storefrontOrigin: string) {
  const shop = await services.shops.findShopByDomain(domain);
  if (!shop) return;
  const storefrontDomains = [...new Set([...(shop.settings.storefrontDomains ?? []), storefrontOrigin])];
  const supportEmail = shop.settings.supportEmail ?? DEMO_SUPPORT_EMAILS[domain];
  await services.db
    .update(shops)
    .set({ settings: { ...shop.settings, storefrontDomains, ...(supportEmail ? { supportEmail } : {}) } })
    .where(eq(shops.domain, domain));
}

/** The demo shop's stand-in for Shopify admin's app page (demo-shop/admin-page.ts). */
function demoAdminUrl(shopUrl: string, domain: string, clientId: string): string {
  return `${shopUrl}/store/${domain.replace(/\.myshopify\.com$/, '')}/apps/${encodeURIComponent(clientId)}`;
}

async function main() {
  const startedAt = Date.now();
  if (values.fresh) rmSync(options.dataDir, { recursive: true, force: true });
  const shopUrl = `http://127.0.0.1:${options.shopPort}`;
  const appUrl = `http://localhost:${options.port}`;
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    APP_URL: appUrl,
    APP_SECRET: process.env.APP_SECRET ?? demoAppSecret(options.dataDir),
    DATA_DIR: options.dataDir,
    SHOPIFY_ADMIN_ORIGIN: `${shopUrl}/shops/{shop}`,
    // `next start` runs as production; the demo still wants its mail (magic links) readable at /dev/outbox.
    DEV_OUTBOX: process.env.DEV_OUTBOX ?? 'true',
    HEALTH_TOKEN: process.env.HEALTH_TOKEN ?? DEMO_HEALTH_TOKEN,
    // The demo has no proxy in front: the e2e tests and benches on this machine play the one trusted hop and name
    // each simulated shopper in X-Forwarded-For (a browser sends none; Next then fills in the socket's peer).
    // A real deployment sets this for its own proxies (docs/deploy.md): directly exposed, anyone could pick an address.
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? (process.env.CLIENT_ADDRESS_HEADER ? undefined : '1'),
    // `next start` is production mode, which requires real app credentials; the demo shop's are these.
    SHOPIFY_API_KEY: process.env.SHOPIFY_API_KEY ?? DEMO_SHOPIFY_API_KEY,
    SHOPIFY_API_SECRET: process.env.SHOPIFY_API_SECRET ?? DEMO_SHOPIFY_API_SECRET,
    // The demo shop plays Shopify admin for the embedded dashboard: it frames /embedded and serves App Bridge's stand-in.
    SHOPIFY_ADMIN_UI_ORIGIN: shopUrl,
    SHOPIFY_APP_BRIDGE_URL: `${shopUrl}/app-bridge.js`,
  };

  startProcess('npx', ['tsx', 'demo-shop/main.ts', '--port', String(options.shopPort)], { ...process.env, DEMO_APP_URL: appUrl }, 'demo-shop');
  await waitFor(`${shopUrl}/_demo/requests`, 60_000);

  // Connect the demo shops the way a merchant would with the CLI, then let go of the database:
  // PGlite allows one process per data folder, and the app is about to open it.
  const services = await createServices(parseEnv({ ...appEnv, NODE_ENV: 'development' }));
  for (const shop of DEFAULT_SHOPS) {
    const result = await connectShop(connectShopDeps(services), {
      domain: shop.domain,
      token: shop.accessToken,
      apiOrigin: `${shopUrl}/shops/${shop.domain}`,
    });
    if (!result.ok) throw new Error(`Could not connect ${shop.domain}: ${result.message}`);
    // The demo shop delivers webhooks only to subscribed addresses: subscribe at APP_URL like shop:connect does.
    const webhooks = await syncWebhookSubscriptions(services, result.shop);
    if (!webhooks.ok) throw new Error(`Could not subscribe ${shop.domain}'s webhooks: ${webhooks.message}`);
    await allowDemoStorefront(services, shop.domain, shopUrl);
    // The demo dashboard: sign in as merchant@example.com through /dev/outbox.
    await createShopMemberRepository(services.db).addMember({ shopId: result.shop.id, email: 'merchant@example.com', role: 'owner' });
  }
  await services.close();

  if (values.dev) {
    startProcess('npx', ['next', 'dev', '-p', String(options.port)], appEnv, 'app');
  } else {
    if (needsBuild()) {
      console.log('Building the app (first run or sources changed)…');
      await new Promise<void>((resolve, reject) => {
        const build = spawn('npx', ['next', 'build'], { env: appEnv, stdio: 'inherit' });
        build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (${code})`))));
      });
    }
    startProcess('npx', ['next', 'start', '-p', String(options.port)], appEnv, 'app');
  }
  await waitFor(`${appUrl}/api/health`, 120_000);

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`
Order Status Agent demo is running (ready in ${seconds} s). Ctrl+C stops it.

  App:          ${appUrl}
  Health:       ${appUrl}/api/health  (shops by name: Authorization: Bearer ${appEnv.HEALTH_TOKEN})
  Demo shop:    ${shopUrl}  (Shopify Admin API stand-in)
  Shops:        ${DEFAULT_SHOPS.map((shop) => shop.domain).join(', ')}
  Storefront:   ${shopUrl}/storefront/${DEFAULT_SHOPS[0]?.domain ?? ''}  (chat widget on a cross-origin demo store page)
  Admin:        ${demoAdminUrl(shopUrl, DEFAULT_SHOPS[0]?.domain ?? '', appEnv.SHOPIFY_API_KEY ?? DEMO_SHOPIFY_API_KEY)}  (open the app from demo Shopify admin; ?staff=70002 for a staff member)
`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll();
  process.exit(1);
});
