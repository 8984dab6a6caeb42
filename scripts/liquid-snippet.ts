/**
 * Prints the Liquid snippet (with the shop's deep-link secret filled in) for Shopify's Order confirmation and
 * Shipping confirmation templates. Needs no database: the secret is derived from APP_SECRET and the shop domain.
 *   npx tsx scripts/liquid-snippet.ts --shop acme-outdoors.myshopify.com [--version 1] [--data-dir .data]
 * Use the same APP_SECRET and APP_URL as the running app (on embedded defaults: $DATA_DIR/dev-app-secret).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseEnv } from '../src/env';
import { deriveKey } from '../src/server/crypto/secrets';
import { deepLinkSecretFor } from '../src/domain/links/deep-link';
import { buildLiquidSnippet } from '../src/domain/links/liquid-snippet';
import { normalizeShopDomain } from '../src/domain/shops/shop-domain';

const { values } = parseArgs({ options: { shop: { type: 'string' }, version: { type: 'string', default: '1' }, 'data-dir': { type: 'string' } } });
const env = parseEnv({ ...process.env, ...(values['data-dir'] ? { DATA_DIR: values['data-dir'] } : {}) });
const domain = normalizeShopDomain(values.shop ?? '');
if (!domain) {
  console.error('Usage: npx tsx scripts/liquid-snippet.ts --shop your-shop.myshopify.com [--version N]');
  process.exit(1);
}
const secretFile = path.join(env.DATA_DIR, 'dev-app-secret');
const appSecret = env.APP_SECRET ?? (existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : undefined);
if (!appSecret) {
  console.error('Set APP_SECRET (or point --data-dir at the folder holding dev-app-secret).');
  process.exit(1);
}
const secret = deepLinkSecretFor(deriveKey(appSecret, 'deep-link'), { domain, version: Number(values.version) });
console.log(buildLiquidSnippet({ appUrl: env.APP_URL, shopDomain: domain, secret }));
