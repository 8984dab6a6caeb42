/**
 * The infrastructure of `npm run bench:load`: the demo shop (in this process, for fault control), a fresh
 * PostgreSQL database, a bench-owned Redis on port 6390 (so it can be stopped mid-run), N `next start`
 * instances on their own ports and a tiny round-robin proxy in front. Local targets only.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDemoShop, type DemoShop } from '../demo-shop/server';
import { parseEnv } from '../src/env';
import { createServices } from '../src/server/services';
import { connectShop } from '../src/domain/shops/connect-shop';
import { connectShopDeps } from '../src/server/wiring/shop-deps';
import { syncWebhookSubscriptions } from '../src/server/shops/sync-webhook-subscriptions';
import { startTcpRelay } from '../test/support/tcp-relay';

export const BENCH_REDIS_PORT = 6390;
const PG_ADMIN_URL = process.env.BENCH_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Instance = { port: number; child: ChildProcess; logErrors: number; stackLines: number };
export type Cluster = {
  demo: DemoShop;
  proxyUrl: string;
  instances: Instance[];
  stopRedis(): void;
  startRedis(): Promise<void>;
  rssBytes(): number[];
  /** The bench database, directly (not through the relay). */
  databaseUrl: string;
  /** With `databaseRelay`: cut every app connection to PostgreSQL and refuse new ones; then allow them again. */
  cutDatabase(): Promise<void>;
  restoreDatabase(): Promise<void>;
  /** Deletes this cluster's Redis keys matching `pattern` (after the prefix); resolves to how many. */
  deleteCacheKeys(pattern: string): Promise<number>;
  close(): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function redisCli(...args: string[]): string {
  try {
    return execFileSync('redis-cli', ['-p', String(BENCH_REDIS_PORT), ...args], { encoding: 'utf8', timeout: 3000 }).trim();
  } catch {
    return '';
  }
}

async function startRedis(): Promise<void> {
  execFileSync('redis-server', ['--port', String(BENCH_REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes']);
  for (let i = 0; i < 50 && redisCli('ping') !== 'PONG'; i++) await sleep(100);
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status > 0 && status < 500) return;
    await sleep(300);
  }
  throw new Error(`${url} not healthy after ${timeoutMs / 1000} s`);
}

/** RSS of a process and its descendants (next start may fork), from /proc. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  let total = 0;
  const visit = (p: number) => {
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      return;
    }
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return total;
}

function startProxy(ports: number[]): Promise<http.Server> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  let next = 0;
  const server = http.createServer((req, res) => {
    const port = ports[next++ % ports.length]!;
    const upstream = http.request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers, agent }, (response) => {
      res.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('proxy: upstream unavailable');
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Starts everything; `close()` stops everything it started and drops the database. */
export async function startCluster(options: { instances: number; basePort: number; shopifyTimeoutMs: number; databaseRelay?: boolean }): Promise<Cluster> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('no production build: run `npx next build` first');
  if (redisCli('ping') === 'PONG') throw new Error(`something already listens on Redis port ${BENCH_REDIS_PORT}; stop it first`);
  await startRedis();

  const suffix = randomBytes(5).toString('hex');
  const { default: postgres } = await import('postgres');
  const admin = postgres(PG_ADMIN_URL, { onnotice: () => {}, max: 1 });
  const dbName = `osa_bench_${suffix}`;
  await admin.unsafe(`create database ${dbName}`);
  await admin.end();
  const dbUrl = new URL(PG_ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;

  const relay = options.databaseRelay ? await startTcpRelay({ host: dbUrl.hostname, port: Number(dbUrl.port || 5432) }) : null;
  const appDbUrl = new URL(dbUrl);
  if (relay) {
    appDbUrl.hostname = '127.0.0.1';
    appDbUrl.port = String(relay.port());
  }

  const demo = await startDemoShop({ port: 0 });
  const proxyPorts = Array.from({ length: options.instances }, (_, i) => options.basePort + i);
  const proxy = await startProxy(proxyPorts);
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const env = {
    NODE_ENV: 'production',
    APP_URL: proxyUrl,
    APP_SECRET: randomBytes(32).toString('base64url'),
    DATABASE_URL: appDbUrl.toString(),
    REDIS_URL: `redis://127.0.0.1:${BENCH_REDIS_PORT}`,
    REDIS_PREFIX: `osa-bench-${suffix}:`,
    SHOPIFY_ADMIN_ORIGIN: `${demo.url}/shops/{shop}`,
    SHOPIFY_API_KEY: demo.clientId,
    SHOPIFY_API_SECRET: demo.clientSecret,
    SHOPIFY_REQUEST_TIMEOUT_MS: String(options.shopifyTimeoutMs),
    LOG_LEVEL: 'warn',
    // The bench's proxy passes X-Forwarded-For through as the load generator set it (one address per simulated
    // shopper): together they are the one trusted hop in front of the instances.
    TRUSTED_PROXIES: '1',
  };

  // Connect the demo shops once (this also applies the migrations), as `npm run shop:connect` would.
  const services = await createServices(parseEnv({ ...env, NODE_ENV: 'development' }));
  for (const shop of demo.shops) {
    const result = await connectShop(connectShopDeps(services), { domain: shop.domain, token: shop.accessToken, apiOrigin: shop.origin });
    if (!result.ok) throw new Error(`connect ${shop.domain}: ${result.message}`);
  }
  // Subscribe each shop's webhooks at APP_URL (the proxy) through the Admin API, as shop:connect does.
  for (const shop of await services.shops.listShops()) {
    const subscribed = await syncWebhookSubscriptions(services, shop);
    if (!subscribed.ok) throw new Error(`webhooks ${shop.domain}: ${subscribed.message}`);
  }
  await services.close();

  const instances: Instance[] = proxyPorts.map((port, index) => {
    // BENCH_CPU_PROF=dir: a V8 CPU profile of the first instance, written when it stops.
    const profile = process.env.BENCH_CPU_PROF && index === 0 ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    // Idle keep-alive sockets must outlive the proxy's reuse of them: with Node's default 5 s, the server can
    // close a socket just as the proxy sends a request on it, and the shopper gets a 502.
    const args = ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1', '--keepAliveTimeout', '65000'];
    const child = spawn(process.execPath, [...profile, ...args], {
      env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1' } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const instance: Instance = { port, child, logErrors: 0, stackLines: 0 };
    const scan = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (/"level":"error"|\bError\b/.test(line)) instance.logErrors++;
        if (/^\s+at .+:\d+:\d+\)?$/.test(line)) instance.stackLines++;
      }
    };
    child.stdout?.on('data', scan);
    child.stderr?.on('data', scan);
    return instance;
  });
  await Promise.all(proxyPorts.map((port) => waitForHealth(`http://127.0.0.1:${port}`, 90_000)));

  return {
    demo,
    proxyUrl,
    instances,
    stopRedis: () => void redisCli('shutdown', 'nosave'),
    startRedis,
    rssBytes: () => instances.map((instance) => treeRss(instance.child.pid!)),
    databaseUrl: dbUrl.toString(),
    cutDatabase: async () => {
      if (!relay) throw new Error('startCluster({ databaseRelay: true }) is needed to cut the database');
      await relay.cut();
    },
    restoreDatabase: async () => {
      await relay?.restore();
    },
    async deleteCacheKeys(pattern) {
      const keys = redisCli('--scan', '--pattern', `${env.REDIS_PREFIX}${pattern}`).split('\n').filter(Boolean);
      for (let i = 0; i < keys.length; i += 500) redisCli('del', ...keys.slice(i, i + 500));
      return keys.length;
    },
    async close() {
      await Promise.all(
        instances.map(
          (instance) =>
            new Promise<void>((resolve) => {
              if (instance.child.exitCode !== null) return resolve();
              const timer = setTimeout(() => (instance.child.kill('SIGKILL'), resolve()), 10_000);
              instance.child.once('exit', () => (clearTimeout(timer), resolve()));
              instance.child.kill('SIGTERM');
            }),
        ),
      );
      await new Promise((resolve) => proxy.close(resolve));
      await relay?.cut();
      await demo.close();
      redisCli('shutdown', 'nosave');
      await sleep(500);
      const cleanup = postgres(PG_ADMIN_URL, { onnotice: () => {}, max: 1 });
      await cleanup.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
      await cleanup.end();
    },
  };
}
