/**
 * `npx tsx bench/tracking-page.ts [--orders 30] [--warm 5]`: server time of the hosted tracking order page and
 * the first-load JS of the /t/[shop] routes. Starts `npm run demo` on its own ports and data folder (builds the
 * app when sources changed), opens each order through a signed deep link (like a click in an order email), then
 * times the order page: the first view of an order (cold: cache miss, one Shopify call) and repeated views (warm).
 * Times are full responses (server render + transfer on localhost), measured by the client.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { deriveKey } from '../src/server/crypto/secrets';
import { deepLinkSecretFor } from '../src/domain/links/deep-link';
import { printTable, summarize, timed } from './bench-kit';

const { values } = parseArgs({ options: { orders: { type: 'string', default: '30' }, warm: { type: 'string', default: '5' } } });
const ORDERS = Number(values.orders);
const WARM = Number(values.warm);
const APP_PORT = 3310;
const SHOP_PORT = 4310;
const DATA_DIR = '.data/bench-tracking';
const APP = `http://localhost:${APP_PORT}`;
const SHOP = 'acme-outdoors.myshopify.com';

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} not ready`);
}

async function orderIds(count: number): Promise<string[]> {
  const response = await fetch(`http://127.0.0.1:${SHOP_PORT}/shops/${SHOP}/admin/api/2025-01/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': 'shpat_demo_acme_outdoors' },
    body: JSON.stringify({ query: `{ orders(first: ${count}, query: "test:false", sortKey: PROCESSED_AT, reverse: true) { nodes { legacyResourceId } } }` }),
  });
  const body = (await response.json()) as { data: { orders: { nodes: Array<{ legacyResourceId: string }> } } };
  return body.data.orders.nodes.map((node) => node.legacyResourceId);
}

function deepLink(appSecret: string, orderId: string): string {
  const secret = deepLinkSecretFor(deriveKey(appSecret, 'deep-link'), { domain: SHOP });
  const payload = `${orderId}.${Math.floor(Date.now() / 1000) + 86_400}`;
  return `${APP}/t/${SHOP}/o/${payload}.${createHmac('sha256', secret).update(payload).digest('hex')}`;
}

async function get(url: string, cookie: string): Promise<{ status: number; ms: number }> {
  const { ms, value } = await timed(async () => {
    const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
    await response.text();
    return response.status;
  });
  return { status: value, ms };
}

function firstLoadJs(): Array<{ route: string; gzipKb: number; rawKb: number }> {
  const file = '.next/diagnostics/route-bundle-stats.json';
  if (!existsSync(file)) return [];
  const routes = JSON.parse(readFileSync(file, 'utf8')) as Array<{ route: string; firstLoadChunkPaths: string[] }>;
  return routes
    .filter((entry) => entry.route.startsWith('/t/') || entry.route === '/')
    .map((entry) => {
      const buffers = entry.firstLoadChunkPaths.map((chunk) => readFileSync(chunk));
      const raw = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
      const gzip = buffers.reduce((sum, buffer) => sum + gzipSync(buffer, { level: 9 }).length, 0);
      return { route: entry.route, gzipKb: Math.round(gzip / 102.4) / 10, rawKb: Math.round(raw / 102.4) / 10 };
    });
}

async function main() {
  const demo = spawn(
    'node_modules/.bin/tsx',
    ['scripts/demo.ts', '--port', String(APP_PORT), '--shop-port', String(SHOP_PORT), '--data-dir', DATA_DIR, '--fresh'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, LOG_LEVEL: 'warn' },
      // Own process group, so stopping it also stops the demo shop and `next start` it spawned.
      detached: true,
    },
  );
  const stop = () => {
    try {
      process.kill(-demo.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  try {
    await waitFor(`${APP}/api/health`, 240_000);
    const appSecret = process.env.APP_SECRET ?? readFileSync(`${DATA_DIR}/dev-app-secret`, 'utf8').trim();
    const ids = await orderIds(ORDERS);
    const firstEver = await get(`${APP}/t/${SHOP}`, '');
    const cold: number[] = [];
    const warm: number[] = [];
    const form: number[] = [];
    for (const id of ids) {
      const opened = await fetch(deepLink(appSecret, id), { redirect: 'manual' });
      const cookie = (opened.headers.getSetCookie().find((value) => value.startsWith('osa_session=')) ?? '').split(';')[0]!;
      if (!cookie || opened.status !== 303) throw new Error(`deep link for ${id} failed (${opened.status})`);
      const first = await get(`${APP}/t/${SHOP}/orders/${id}`, cookie);
      if (first.status !== 200) throw new Error(`order page ${id}: ${first.status}`);
      cold.push(first.ms);
      for (let index = 0; index < WARM; index += 1) warm.push((await get(`${APP}/t/${SHOP}/orders/${id}`, cookie)).ms);
      form.push((await get(`${APP}/t/${SHOP}`, cookie)).ms);
    }
    printTable('Tracking page server time (localhost, full response)', [
      summarize('first request after start (/t/{shop})', [firstEver.ms]),
      summarize('order page, cold (cache miss → 1 Shopify call)', cold),
      summarize('order page, warm (cached)', warm),
      summarize('lookup form /t/{shop} (warm server)', form),
    ]);
    printTable('First-load JS of /t/[shop] routes (.next/diagnostics/route-bundle-stats.json, gzip -9 per chunk)', firstLoadJs());
  } finally {
    stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
