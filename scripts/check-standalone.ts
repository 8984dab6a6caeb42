/**
 * CI check of the production bundle (`npx next build && bash scripts/assemble-standalone.sh` first): copies
 * .next/standalone to an empty temp folder (so nothing resolves from this checkout's node_modules), migrates a
 * fresh PostgreSQL database with the bundle's own `node db-migrate.mjs` (first checking that an instance started
 * before it answers 503), starts the demo shop, connects a shop with the bundle's `node shop-connect.mjs`,
 * starts `node server.js` on PostgreSQL + Redis and checks /api/health, a verified order lookup (tRPC
 * `orders.verify`), a refused one, static assets and the cron route. Prints sizes and the cold start.
 *   npx tsx scripts/check-standalone.ts [--port 3520] [--shop-port 4520] [--keep]
 * Env: TEST_POSTGRES_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/test), TEST_REDIS_SERVER_URL
 * (default redis://127.0.0.1:6379).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { Redis } from 'ioredis';
import { ACME, DEFAULT_SHOPS } from '../demo-shop/shops';
import { knownOrder } from '../demo-shop/seed/known-orders';
import { DEMO_SHOPIFY_API_KEY, DEMO_SHOPIFY_API_SECRET } from '../src/env';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '3520' }, 'shop-port': { type: 'string', default: '4520' }, keep: { type: 'boolean', default: false } },
});
const port = Number(values.port);
const shopPort = Number(values['shop-port']);
const adminUrl = process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TEST_REDIS_SERVER_URL ?? 'redis://127.0.0.1:6379';
const source = path.resolve('.next/standalone');
const suffix = randomBytes(5).toString('hex');
const databaseName = `osa_standalone_${suffix}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${databaseName}` }).toString();
const appUrl = `http://127.0.0.1:${port}`;
const shopUrl = `http://127.0.0.1:${shopPort}`;
const healthToken = randomBytes(24).toString('hex');
const cronSecret = randomBytes(24).toString('hex');
const redisPrefix = `osa-standalone-${suffix}:`;

/** A production environment as an operator writes it (the demo shop's app credentials stand in for real ones). */
const appEnv: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: String(port),
  HOSTNAME: '127.0.0.1',
  APP_URL: appUrl,
  APP_SECRET: randomBytes(48).toString('base64url'),
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  REDIS_PREFIX: redisPrefix,
  SHOPIFY_API_KEY: DEMO_SHOPIFY_API_KEY,
  SHOPIFY_API_SECRET: DEMO_SHOPIFY_API_SECRET,
  SHOPIFY_ADMIN_ORIGIN: `${shopUrl}/shops/{shop}`,
  HEALTH_TOKEN: healthToken,
  CRON_SECRET: cronSecret,
  LOG_LEVEL: 'warn',
};

const children: ChildProcess[] = [];
let bundleDir = '';
const failures: string[] = [];

function check(condition: boolean, what: string, detail?: unknown) {
  console.log(
    `${condition ? 'ok  ' : 'FAIL'} ${what}${condition || detail === undefined ? '' : `: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`}`,
  );
  if (!condition) failures.push(what);
}

function start(command: string, args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv; label: string }): ChildProcess & { output: () => string } {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  const echo = (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((line) => `  [${options.label}] ${line}\n`)
        .join(''),
    );
  };
  child.stdout?.on('data', echo);
  child.stderr?.on('data', echo);
  return Object.assign(child, { output: () => output });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Runs a command to completion in the bundle copy (db-migrate.mjs), returning its exit code and output. */
function runInBundle(args: string[]): { code: number | null; out: string } {
  const result = spawnSync(process.execPath, args, { cwd: bundleDir, env: appEnv, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, out: `${result.stdout}${result.stderr}`.trim() };
}

async function waitFor(url: string, ok: (response: Response) => boolean | Promise<boolean>, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
    if (response && (await ok(response.clone()))) return response;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`);
}

async function trpcMutation(procedure: string, input: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${appUrl}/api/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
    body: JSON.stringify({ json: input }),
  });
  const body = (await response.json()) as { result?: { data?: { json?: unknown } } };
  return { status: response.status, body: body.result?.data?.json ?? body };
}

function sizeOf(dir: string): string {
  return spawnSync('du', ['-sh', dir], { encoding: 'utf8' }).stdout.split('\t')[0] ?? '?';
}

function rssMb(pid: number | undefined): number | null {
  if (!pid || !existsSync(`/proc/${pid}/status`)) return null;
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Math.round(Number(kb) / 1024) : null;
}

async function main() {
  const startedAt = Date.now();
  for (const file of ['server.js', 'db-migrate.mjs', 'shop-connect.mjs', '.next/static', 'public/widget.js', 'drizzle/meta/_journal.json']) {
    if (!existsSync(path.join(source, file))) throw new Error(`${source}/${file} is missing: run \`npx next build && bash scripts/assemble-standalone.sh\``);
  }
  // Outside the checkout: Node looks for packages in every parent folder, so a copy inside it could quietly
  // load what the bundle lacks from this checkout's node_modules.
  bundleDir = mkdtempSync(path.join(os.tmpdir(), 'osa-standalone-'));
  cpSync(source, bundleDir, { recursive: true, verbatimSymlinks: true });
  console.log(`bundle: ${sizeOf(bundleDir)} (node_modules ${sizeOf(path.join(bundleDir, 'node_modules'))}), copied to ${bundleDir}`);

  const admin = postgres(adminUrl, { onnotice: () => {}, max: 1 });
  await admin.unsafe(`create database ${databaseName}`);
  await admin.end();

  const pending = runInBundle(['db-migrate.mjs', '--check']);
  check(pending.code === 2, 'db-migrate.mjs --check exits 2 on an empty database', pending);
  // A production instance started before the migrations does not apply them: it answers 503 and says why,
  // and serves once `db-migrate.mjs` has run, without a restart.
  const early = start(process.execPath, ['server.js'], { cwd: bundleDir, env: appEnv, label: 'app, not migrated' });
  const refusing = await waitFor(`${appUrl}/api/health`, () => true, 120_000);
  check(refusing.status === 503, 'an instance on an unmigrated database answers /api/health 503', refusing.status);
  await new Promise((resolve) => setTimeout(resolve, 200));
  check(/"message":"services unavailable".*missing \d+ migration/.test(early.output()), 'and logs that migrations are missing', early.output().slice(-400));
  const migrated = runInBundle(['db-migrate.mjs']);
  check(migrated.code === 0 && /applied \d+ migration/.test(migrated.out), 'db-migrate.mjs migrates it', migrated);
  const current = runInBundle(['db-migrate.mjs', '--check']);
  check(current.code === 0, 'db-migrate.mjs --check exits 0 afterwards', current);
  check((await fetch(`${appUrl}/api/health`)).status === 200, 'the same instance is healthy after the migration, without a restart');
  await stop(early);

  start(process.execPath, ['--import', 'tsx', 'demo-shop/main.ts', '--port', String(shopPort)], {
    env: { ...process.env, DEMO_APP_URL: appUrl },
    label: 'demo-shop',
  });
  await waitFor(`${shopUrl}/_demo/requests`, (response) => response.ok, 60_000);
  const acme = DEFAULT_SHOPS.find((shop) => shop.domain === ACME)!;
  const connect = runInBundle(['shop-connect.mjs', '--domain', acme.domain, '--token', acme.accessToken, '--api-origin', `${shopUrl}/shops/${acme.domain}`]);
  check(connect.code === 0 && connect.out.includes(`Connected Acme Outdoors (${acme.domain})`), `shop-connect.mjs ${acme.domain}`, connect);

  const spawnedAt = Date.now();
  const server = start(process.execPath, ['server.js'], { cwd: bundleDir, env: appEnv, label: 'app' });
  let exited = false;
  server.on('exit', () => (exited = true));
  let firstAnswerMs: number | null = null;
  // Healthy = status ok: the very first answer can be "degraded" while the Redis client is still connecting.
  const firstHealthy = await waitFor(
    `${appUrl}/api/health`,
    async (response) => {
      firstAnswerMs ??= Date.now() - spawnedAt;
      return response.status === 200 && ((await response.json()) as { status: string }).status === 'ok';
    },
    120_000,
  );
  const coldStartMs = Date.now() - spawnedAt;
  check(!exited, 'node server.js keeps running');
  const publicHealth = (await firstHealthy.json()) as { status: string; shops: { total: number; ok: number } };
  check(
    publicHealth.status === 'ok' && publicHealth.shops.total === 1 && publicHealth.shops.ok === 1,
    'GET /api/health answers ok without naming shops',
    publicHealth,
  );

  const detailed = await fetch(`${appUrl}/api/health`, { headers: { authorization: `Bearer ${healthToken}` } });
  const health = (await detailed.json()) as {
    status: string;
    database: { kind: string; ok: boolean };
    cache: { kind: string; ok: boolean };
    shops: Array<{ domain: string; ok: boolean }>;
  };
  check(
    detailed.status === 200 && health.database.kind === 'postgres' && health.database.ok && health.cache.kind === 'redis' && health.cache.ok,
    '/api/health: PostgreSQL and Redis up',
    health,
  );
  check(
    health.shops.some((shop) => shop.domain === ACME && shop.ok),
    `/api/health: ${ACME} reachable through the demo shop`,
    health.shops,
  );

  const order = knownOrder('acme.in_transit');
  const verified = await trpcMutation('orders.verify', { shop: ACME, orderReference: order.name, email: order.email, door: 'page' });
  const answer = verified.body as { status?: string; order?: { orderName?: string; status?: string } };
  check(
    verified.status === 200 && answer.status === 'verified' && answer.order?.orderName === order.name && answer.order.status === 'in_transit',
    `orders.verify ${order.name} with its email: verified, in transit`,
    verified,
  );
  const refused = await trpcMutation('orders.verify', { shop: ACME, orderReference: order.name, email: 'someone.else@example.com', door: 'page' });
  check(
    refused.status === 200 && (refused.body as { status?: string }).status === 'not_verified',
    `orders.verify ${order.name} with another email: not verified`,
    refused,
  );

  const page = await fetch(`${appUrl}/t/${ACME}`);
  const html = await page.text();
  const chunk = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
  check(page.status === 200 && chunk !== undefined, `GET /t/${ACME} renders`, page.status);
  if (chunk) check((await fetch(`${appUrl}${chunk}`)).status === 200, `static asset ${chunk} is served`);
  check((await fetch(`${appUrl}/widget.js`)).status === 200, 'public/widget.js is served');

  check((await fetch(`${appUrl}/api/cron/maintenance`)).status === 401, 'cron route refuses a caller without CRON_SECRET');
  const cron = await fetch(`${appUrl}/api/cron/maintenance`, { headers: { authorization: `Bearer ${cronSecret}` } });
  check(cron.status === 200, 'cron route runs with CRON_SECRET', await cron.text());

  console.log(
    `\nstandalone: cold start ${coldStartMs} ms (spawn of \`node server.js\` to /api/health status ok; first answer of any kind after ${firstAnswerMs} ms, the first request opens PostgreSQL and Redis); RSS after the checks ${rssMb(server.pid) ?? '?'} MB; whole check ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
  );
}

async function cleanUp() {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  const admin = postgres(adminUrl, { onnotice: () => {}, max: 1 });
  await admin.unsafe(`drop database if exists ${databaseName} with (force)`).catch(() => {});
  await admin.end();
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect().catch(() => {});
  for (let cursor = '0'; ;) {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 500).catch(() => ['0', [] as string[]] as const);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
    if (cursor === '0') break;
  }
  redis.disconnect();
  if (bundleDir && !values.keep) rmSync(bundleDir, { recursive: true, force: true });
}

main()
  .catch((error: unknown) => {
    failures.push(error instanceof Error ? error.message : String(error));
    console.error(error);
  })
  .finally(async () => {
    await cleanUp();
    if (failures.length > 0) {
      console.error(`standalone check failed: ${failures.join('; ')}`);
      process.exit(1);
    }
    console.log('standalone check passed');
    process.exit(0);
  });
