/**
 * `GET /storefront/{shop}`: a small storefront page that embeds the app's chat loader, so the widget can be
 * tried (and tested) on a real cross-origin page. The app URL comes from `?app=` or env DEMO_APP_URL.
 */
import type { ServerResponse } from 'node:http';
import { send } from './http-util';
import type { ShopConfig } from './shops';

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function appOrigin(candidate: string | null | undefined): string | null {
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

const PRODUCTS = ['Rain Shell Jacket', 'Ultralight Tent 2P', 'Insulated Bottle 1L', 'Down Sleeping Bag', 'Running Socks', 'Enamel Camp Mug'];

export function renderStorefront(shop: ShopConfig, app: string): string {
  const name = escapeHtml(shop.name);
  const products = PRODUCTS.map(
    (title) => `<li><div class="img" aria-hidden="true"></div><h3>${escapeHtml(title)}</h3><button type="button">Add to cart</button></li>`,
  ).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${name} (demo storefront)</title>
<style>
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1f2937;background:#fafaf9}
header{background:#14532d;color:#fff;padding:16px 24px;display:flex;gap:24px;align-items:center;flex-wrap:wrap}
header a{color:#fff}main{max-width:960px;margin:0 auto;padding:24px}
ul{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:16px}
li{background:#fff;border:1px solid #d6d3d1;border-radius:8px;padding:12px}.img{height:120px;background:#e7e5e4;border-radius:6px}
h3{margin:8px 0;font-size:16px}button{min-height:44px;padding:0 16px;border-radius:6px;border:1px solid #14532d;background:#fff;color:#14532d;font-weight:600}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}footer{padding:24px;text-align:center;color:#57534e}
</style></head>
<body>
<header><strong>${name}</strong><nav aria-label="Main"><a href="#shop">Shop</a> · <a href="#about">About</a></nav></header>
<main id="shop"><h1>${name}</h1><p>Demo storefront served by the demo shop. The chat launcher in the corner is the app's widget, loaded cross-origin from ${escapeHtml(app)}.</p>
<h2>Products</h2><ul>${products}</ul><p id="about">Questions about an order? Use the chat button.</p></main>
<footer><a href="#shop">Back to top</a></footer>
<script src="${escapeHtml(app)}/widget.js" data-shop="${escapeHtml(shop.domain)}" async></script>
</body></html>`;
}

/** Serves the page, or 404 for an unknown shop, or 400 without a usable app URL. */
export function handleStorefront(res: ServerResponse, url: URL, findShop: (domain: string) => ShopConfig | undefined): void {
  let shop: ShopConfig | undefined;
  try {
    shop = findShop(decodeURIComponent(url.pathname.slice('/storefront/'.length)).toLowerCase());
  } catch {
    shop = undefined;
  }
  if (!shop) return send(res, 404, 'Unknown demo shop', { 'Content-Type': 'text/plain; charset=utf-8' });
  const app = appOrigin(url.searchParams.get('app')) ?? appOrigin(process.env.DEMO_APP_URL);
  if (!app) return send(res, 400, 'Pass ?app=http://localhost:3000 (the app URL) or set DEMO_APP_URL', { 'Content-Type': 'text/plain; charset=utf-8' });
  send(res, 200, renderStorefront(shop, app), { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
}
