/**
 * The demo shop plays Shopify admin for the embedded app:
 *   GET /store/{handle}/apps/{client_id}[?staff=70002&path=/embedded/orders&app=http://localhost:3000]
 *       a page that frames the app like admin does (`shop`, `host`, `embedded=1`, `id_token`, …),
 *   GET /store/{handle}/apps/{client_id}/id-token?staff=…   a fresh session token (what admin hands App Bridge),
 *   GET /app-bridge.js   a tiny stand-in for https://cdn.shopify.com/shopifycloud/app-bridge.js (the app loads it
 *       when SHOPIFY_APP_BRIDGE_URL points here): `shopify.idToken()` asks this page for a token, `ui-nav-menu`
 *       links show in this page's navigation, `shopify.toast.show()` shows here, and the `shopify-reload` bounce
 *       reloads the app with a fresh `id_token`.
 * Anyone who can reach the demo shop can mint tokens for its staff: it is a local demo, never deployed.
 */
import type { ServerResponse } from 'node:http';
import { send, sendJson } from './http-util';
import { mintSessionToken } from './session-tokens';
import type { ShopConfig } from './shops';
import { DEMO_STAFF, findStaff, type StaffAccount } from './staff';

/** Where Shopify admin loads the app: shopify.app.toml `application_url` (the app's embedded route). */
export const EMBEDDED_APP_PATH = '/embedded';

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
// JSON inside <script>: `<` escaped so no value can close the tag.
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

function appOrigin(candidate: string | null | undefined): string | null {
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

const handleOf = (domain: string): string => domain.replace(/\.myshopify\.com$/, '');
export const hostParam = (domain: string): string => Buffer.from(`admin.shopify.com/store/${handleOf(domain)}`).toString('base64url');

export interface AdminContext {
  clientId: string;
  clientSecret: string;
  baseUrl: () => string;
  findShop: (domain: string) => ShopConfig | undefined;
}

function renderAdminPage(ctx: AdminContext, shop: ShopConfig, staff: StaffAccount, app: string, appPath: string): string {
  const base = `/store/${handleOf(shop.domain)}/apps/${encodeURIComponent(ctx.clientId)}`;
  const first = new URL(appPath, app);
  const query = { shop: shop.domain, host: hostParam(shop.domain), embedded: '1', locale: staff.locale, timestamp: String(Math.floor(Date.now() / 1000)) };
  for (const [k, v] of Object.entries(query)) first.searchParams.set(k, v);
  first.searchParams.set('id_token', mintSessionToken({ shop: shop.domain, staff, clientId: ctx.clientId, clientSecret: ctx.clientSecret }));
  const staffLinks = DEMO_STAFF.map(
    (s) =>
      `<option value="${s.id}"${s.id === staff.id ? ' selected' : ''}>${escapeHtml(`${s.first_name} ${s.last_name}${s.account_owner ? ' (owner)' : ''}`)}</option>`,
  ).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(shop.name)} · Apps · Shopify admin (demo)</title>
<style>
*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#303030;background:#f1f1f1;height:100vh;display:flex;flex-direction:column}
header{background:#1a1a1a;color:#e3e3e3;display:flex;align-items:center;gap:12px;padding:8px 12px;flex-wrap:wrap}
header strong{color:#fff}header form{margin-left:auto}select,button{min-height:32px;border-radius:8px;border:1px solid #8a8a8a;background:#303030;color:#fff;padding:0 8px}
.frame-wrap{flex:1;display:flex;min-height:0}
nav{width:220px;padding:12px 8px;background:#ebebeb;border-right:1px solid #d4d4d4}nav h2{font-size:12px;margin:8px;color:#616161;text-transform:uppercase}
nav a{display:block;padding:6px 10px;border-radius:8px;color:#303030;text-decoration:none}nav a:hover,nav a[aria-current]{background:#fafafa;font-weight:600}
main{flex:1;display:flex;flex-direction:column;min-width:0}#title{margin:0;padding:10px 16px;font-size:16px}
iframe{flex:1;border:0;width:100%;background:#fff}
#toast{position:fixed;bottom:24px;left:50%;transform:translateX(-50%);background:#1a1a1a;color:#fff;padding:10px 16px;border-radius:8px;display:none}
#mobile-nav{display:none;padding:0 16px 8px;gap:4px;flex-wrap:wrap}#mobile-nav a{padding:6px 10px;border-radius:8px;background:#fafafa;color:#303030}
@media (max-width:700px){nav{display:none}#mobile-nav{display:flex}}
</style></head>
<body>
<header><strong>Shopify admin</strong><span>(demo) · ${escapeHtml(shop.name)}</span>
<form method="get"><label>Staff <select name="staff" onchange="this.form.submit()">${staffLinks}</select></label></form></header>
<div class="frame-wrap">
<nav aria-label="Admin"><h2>Apps</h2><a href="${escapeHtml(base)}" aria-current="page">Order Status Agent</a><div id="app-nav"></div></nav>
<main><h1 id="title">Order Status Agent</h1><div id="mobile-nav" role="navigation" aria-label="App"></div>
<iframe id="app-iframe" name="app-iframe" title="Order Status Agent" src="${escapeHtml(first.toString())}"></iframe></main>
</div>
<div id="toast" role="status"></div>
<script>
(() => {
  const APP = ${scriptJson(app)};
  const QUERY = ${scriptJson(query)};
  const TOKEN_URL = ${scriptJson(`${base}/id-token?staff=${staff.id}`)};
  const frame = document.getElementById('app-iframe');
  const token = async () => (await (await fetch(TOKEN_URL)).json()).idToken;
  const open = async (path) => {
    const url = new URL(path, APP);
    if (url.origin !== APP) return;
    for (const [k, v] of Object.entries(QUERY)) url.searchParams.set(k, v);
    url.searchParams.set('id_token', await token());
    frame.src = url.toString();
  };
  const renderNav = (items) => {
    // Like admin: the \`rel="home"\` link is the app's name (already in the side nav); the phone menu lists it too.
    for (const [holder, withHome] of [[document.getElementById('app-nav'), false], [document.getElementById('mobile-nav'), true]]) {
      holder.replaceChildren(...items.filter((item) => withHome || !item.home).map((item) => {
        const a = document.createElement('a');
        a.href = '#'; a.textContent = item.label;
        a.addEventListener('click', (e) => { e.preventDefault(); open(item.href); });
        return a;
      }));
    }
  };
  window.addEventListener('message', async (event) => {
    if (event.origin !== APP || event.source !== frame.contentWindow) return;
    const msg = event.data || {};
    if (msg.type === 'demo-app-bridge:id-token') frame.contentWindow.postMessage({ type: 'demo-app-bridge:id-token-reply', id: msg.id, token: await token() }, APP);
    if (msg.type === 'demo-app-bridge:nav' && Array.isArray(msg.items)) renderNav(msg.items.filter((i) => typeof i.href === 'string' && typeof i.label === 'string'));
    if (msg.type === 'demo-app-bridge:title' && typeof msg.title === 'string') document.getElementById('title').textContent = msg.title;
    if (msg.type === 'demo-app-bridge:toast' && typeof msg.message === 'string') {
      const toast = document.getElementById('toast');
      toast.textContent = msg.message; toast.style.display = 'block';
      setTimeout(() => { toast.style.display = 'none'; }, 3000);
    }
  });
})();
</script>
</body></html>`;
}

/** The App Bridge stand-in, loaded inside the app's iframe; it trusts messages only from this demo admin origin. */
export function renderAppBridgeStandIn(adminOrigin: string): string {
  return `/* Demo stand-in for Shopify App Bridge (served by the demo shop; never use outside the demo). */
(() => {
  const ADMIN = ${scriptJson(adminOrigin)};
  const parentWindow = window.parent !== window ? window.parent : null;
  const params = new URLSearchParams(location.search);
  const meta = document.querySelector('meta[name="shopify-api-key"]');
  const pending = new Map();
  let seq = 0;
  const post = (message) => parentWindow && parentWindow.postMessage(message, ADMIN);
  window.addEventListener('message', (event) => {
    if (event.origin !== ADMIN || event.source !== parentWindow) return;
    const msg = event.data || {};
    if (msg.type === 'demo-app-bridge:id-token-reply' && pending.has(msg.id)) {
      pending.get(msg.id)(msg.token);
      pending.delete(msg.id);
    }
  });
  const idToken = () => new Promise((resolve, reject) => {
    if (!parentWindow) return reject(new Error('App Bridge: not inside Shopify admin'));
    const id = ++seq;
    pending.set(id, resolve);
    post({ type: 'demo-app-bridge:id-token', id });
    setTimeout(() => { if (pending.delete(id)) reject(new Error('App Bridge: no session token')); }, 5000);
  });
  window.shopify = {
    config: { apiKey: meta ? meta.content : '', shop: params.get('shop'), host: params.get('host') },
    idToken,
    toast: { show: (message) => post({ type: 'demo-app-bridge:toast', message: String(message) }) },
  };
  for (const name of ['ui-nav-menu', 'ui-title-bar']) {
    if (!customElements.get(name)) customElements.define(name, class extends HTMLElement { connectedCallback() { this.style.display = 'none'; } });
  }
  document.addEventListener('DOMContentLoaded', () => {
    const menu = document.querySelector('ui-nav-menu');
    if (menu) {
      const items = [...menu.querySelectorAll('a')].map((a) => ({ label: a.textContent.trim(), href: a.getAttribute('href'), home: a.getAttribute('rel') === 'home' }));
      post({ type: 'demo-app-bridge:nav', items });
    }
    const bar = document.querySelector('ui-title-bar');
    const title = (bar && bar.getAttribute('title')) || document.title;
    if (title) post({ type: 'demo-app-bridge:title', title });
  });
  // The session-token bounce: reload the app URL Shopify's server libraries put in \`shopify-reload\`, with a fresh id_token.
  const reload = params.get('shopify-reload');
  if (reload) {
    let target = null;
    try { target = new URL(reload, location.href); } catch { target = null; }
    if (target && target.origin === location.origin) {
      idToken().then((token) => { target.searchParams.set('id_token', token); location.replace(target.toString()); });
    }
  }
})();
`;
}

/** Routes `/store/…` and `/app-bridge.js`; returns false when the path is not one of them. */
export function handleAdmin(ctx: AdminContext, res: ServerResponse, url: URL): boolean {
  if (url.pathname === '/app-bridge.js') {
    send(res, 200, renderAppBridgeStandIn(ctx.baseUrl()), { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
    return true;
  }
  const m = /^\/store\/([a-z0-9][a-z0-9-]*)\/apps\/([^/]+)(\/id-token)?$/.exec(url.pathname);
  if (!m) return false;
  const text = { 'Content-Type': 'text/plain; charset=utf-8' };
  const shop = ctx.findShop(`${m[1]}.myshopify.com`);
  if (!shop || decodeURIComponent(m[2] ?? '') !== ctx.clientId) {
    send(res, 404, 'Unknown demo shop or app', text);
    return true;
  }
  const staff = findStaff(url.searchParams.get('staff') ?? DEMO_STAFF[0]!.id);
  if (!staff) {
    send(res, 404, 'Unknown staff member', text);
    return true;
  }
  if (m[3]) {
    sendJson(
      res,
      200,
      { idToken: mintSessionToken({ shop: shop.domain, staff, clientId: ctx.clientId, clientSecret: ctx.clientSecret }) },
      { 'Cache-Control': 'no-store' },
    );
    return true;
  }
  const app = appOrigin(url.searchParams.get('app')) ?? appOrigin(process.env.DEMO_APP_URL);
  if (!app) {
    send(res, 400, 'Pass ?app=http://localhost:3000 (the app URL) or set DEMO_APP_URL', text);
    return true;
  }
  const requested = url.searchParams.get('path') ?? EMBEDDED_APP_PATH;
  const appPath = requested.startsWith(EMBEDDED_APP_PATH) && !requested.startsWith('//') ? requested : EMBEDDED_APP_PATH;
  send(res, 200, renderAdminPage(ctx, shop, staff, app, appPath), { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  return true;
}
