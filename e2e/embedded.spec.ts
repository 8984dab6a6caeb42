import { mkdirSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_HEALTH_TOKEN, FRESH } from '../demo-shop/shops';
import { knownOrder } from '../demo-shop/seed/known-orders';
import { DemoAdminPage } from './pages/demo-admin-page';
import { APP_URL, SHOP_URL } from './pages/storefront-page';

const ACME = 'acme-outdoors.myshopify.com';
const SHOTS = 'test-results/embedded';

async function frameFitsWidth(page: Page): Promise<void> {
  const frame = page.frames().find((f) => f.url().startsWith(`${APP_URL}/embedded`));
  expect(frame, 'the app frame').toBeTruthy();
  const { scroll, client } = await frame!.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

test('the shop owner opens the app from (demo) Shopify admin and sees the dashboard inside the frame, phone and desktop', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const admin = new DemoAdminPage(page);
  const firstLoad = page.waitForResponse((r) => r.url().startsWith(`${APP_URL}/embedded?`));
  await admin.goto(ACME);
  // Only the shop and the admin origin may frame embedded pages (the demo shop plays admin.shopify.com).
  expect((await firstLoad).headers()['content-security-policy']).toBe(`frame-ancestors https://${ACME} ${SHOP_URL}`);

  await expect(admin.heading('Where-is-my-order questions')).toBeVisible();
  await expect(admin.frame.getByLabel('Key figures')).toContainText('Order-status questions');
  await expect(admin.frame.getByText('Opened from Shopify admin as')).toContainText('Mara Owner (owner)');
  // App Bridge owns navigation: the app's ui-nav-menu shows up in admin's nav, not inside the frame.
  await expect(admin.adminNavLink('Order timeline')).toBeVisible();
  await expect(admin.frame.getByRole('link', { name: 'Order timeline' })).toBeHidden();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/overview-1280.png` });
  await frameFitsWidth(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(admin.heading('Where-is-my-order questions')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/overview-390.png` });
  await frameFitsWidth(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Admin navigation loads the section with a fresh session token.
  await admin.adminNavLink('Order timeline').click();
  await expect(admin.heading('Order timeline')).toBeVisible();
  // A form inside the frame carries no token: the server bounces through App Bridge, which reloads with one.
  const order = knownOrder('acme.in_transit');
  const bounced = page.waitForRequest((r) => r.url().startsWith(`${APP_URL}/embedded/session-token?`));
  await admin.frame.getByLabel('Order number').fill(order.name);
  await admin.frame.getByRole('button', { name: 'Show timeline' }).click();
  await bounced;
  await expect(admin.frame.getByRole('list', { name: 'Timeline, oldest first' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/timeline-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/timeline-390.png` });
  await frameFitsWidth(page);
});

async function servedShops(request: import('@playwright/test').APIRequestContext): Promise<string[]> {
  const health = await (await request.get(`${APP_URL}/api/health`, { headers: { authorization: `Bearer ${DEMO_HEALTH_TOKEN}` } })).json();
  return (health.shops as Array<{ domain: string }>).map((shop) => shop.domain);
}

test('a shop not connected yet is installed by token exchange when opened from admin, and shows the dashboard at phone and desktop widths', async ({
  page,
  request,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  expect(await servedShops(request)).not.toContain(FRESH);
  const exchanges = page.waitForRequest((r) => r.url().startsWith(`${APP_URL}/embedded?`));
  const admin = new DemoAdminPage(page);
  await admin.goto(FRESH);
  await exchanges;
  await expect(admin.heading('Where-is-my-order questions')).toBeVisible();
  await expect(admin.frame.getByText('Opened from Shopify admin as')).toContainText('Mara Owner (owner)');
  // Installed like an OAuth install: served, with its webhook subscriptions complete.
  const health = await (await request.get(`${APP_URL}/api/health`, { headers: { authorization: `Bearer ${DEMO_HEALTH_TOKEN}` } })).json();
  expect((health.shops as Array<{ domain: string; ok: boolean; webhooks: unknown }>).find((shop) => shop.domain === FRESH)).toMatchObject({
    ok: true,
    webhooks: { complete: true, missing: [] },
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/installed-1280.png` });
  await frameFitsWidth(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(admin.heading('Where-is-my-order questions')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/installed-390.png` });
  await frameFitsWidth(page);
});

/** A session token for a demo shop's owner, as admin hands App Bridge one. */
async function sessionToken(request: APIRequestContext, handle: string): Promise<string> {
  return ((await (await request.get(`${SHOP_URL}/store/${handle}/apps/demo-client-id/id-token?staff=70001`)).json()) as { idToken: string }).idToken;
}

test('every section through ui-nav-menu; settings saved with a session token and confirmed by a toast; CSV downloads with a bearer token', async ({
  page,
  request,
  playwright,
}) => {
  // One chat in Acme, so Conversations has a transcript to open.
  const shopper = await playwright.request.newContext({ baseURL: APP_URL, extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.231' } });
  const started = await shopper.post('/api/trpc/chat.start', { data: { json: { shop: ACME, door: 'widget' } } });
  const conversationId = (await started.json()).result.data.json.conversationId as string;
  const order = knownOrder('acme.in_transit');
  expect(
    (await shopper.post('/api/trpc/chat.send', { data: { json: { conversationId, text: `Where is my order ${order.name}? ${order.email}` } } })).ok(),
  ).toBe(true);

  const admin = new DemoAdminPage(page);
  await admin.goto(ACME);
  await expect(admin.heading('Where-is-my-order questions')).toBeVisible();
  for (const [link, heading] of [
    ['Conversations', 'Conversations'],
    ['Audit log', 'Audit log'],
    ['Order timeline', 'Order timeline'],
    ['Settings', 'Settings'],
  ] as const) {
    await admin.adminNavLink(link).click();
    await expect(admin.heading(heading)).toBeVisible();
    await expect(page.locator('#title')).toHaveText(heading);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/settings-390.png` });
  await frameFitsWidth(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  await admin.adminNavLink('Conversations').click();
  await admin.frame
    .getByRole('link', { name: /^Transcript/ })
    .first()
    .click();
  await expect(admin.heading(/^Chat of/)).toBeVisible();
  await expect(admin.frame.getByText(`Where is my order ${order.name}?`)).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/transcript-390.png` });
  await frameFitsWidth(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await admin.adminNavLink('Settings').click();

  const brand = admin.frame.getByLabel('Brand name');
  await brand.fill('Acme from admin');
  const saved = page.waitForRequest((r) => r.method() === 'POST' && r.url().startsWith(`${APP_URL}/embedded/settings`));
  await admin.frame.getByRole('button', { name: 'Save settings' }).click();
  // The action carried a fresh session token, not a cookie.
  expect((await saved).postData() ?? '').toContain('id_token');
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  await expect(admin.frame.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/settings-saved-1280.png` });
  // The next load (a fresh session token through admin's navigation) shows the stored value.
  await admin.adminNavLink('Conversations').click();
  await expect(admin.heading('Conversations')).toBeVisible();
  await admin.adminNavLink('Settings').click();
  await expect(admin.frame.getByLabel('Brand name')).toHaveValue('Acme from admin');

  await admin.adminNavLink('Audit log').click();
  await expect(admin.heading('Audit log')).toBeVisible();
  const download = page.waitForEvent('download');
  await admin.frame.getByRole('link', { name: /Download CSV/ }).click();
  expect((await download).suggestedFilename()).toBe(`${ACME}-audit.csv`);

  // Without a session token the export answers 401; a cookie-less request cannot get the file.
  const bare = await request.get(`${APP_URL}/embedded/export/audit.csv?shop=${ACME}`);
  expect(bare.status()).toBe(401);
  // Another shop's valid token never reaches Acme's data: not its CSV, not its transcript.
  const freshToken = await sessionToken(request, 'fresh-fields');
  const crossExport = await request.get(`${APP_URL}/embedded/export/audit.csv?shop=${ACME}`, { headers: { authorization: `Bearer ${freshToken}` } });
  expect(crossExport.status()).toBe(401);
  const ownExport = await request.get(`${APP_URL}/embedded/export/audit.csv?shop=${FRESH}`, { headers: { authorization: `Bearer ${freshToken}` } });
  expect(ownExport.status()).toBe(200);
  expect(await ownExport.text()).not.toContain(conversationId);
  const crossTranscript = await request.get(`${APP_URL}/embedded/conversations/${conversationId}?shop=${FRESH}&embedded=1&id_token=${freshToken}`);
  expect(crossTranscript.status()).toBe(404);
  expect(await crossTranscript.text()).not.toContain(order.name);
});

test('a staff member Shopify has not verified sees a clear refusal and no numbers', async ({ page }) => {
  const admin = new DemoAdminPage(page);
  await admin.goto(ACME, { staff: 70003 });
  const refusal = admin.frame.getByRole('alert').filter({ hasText: 'You do not have access to this dashboard' });
  await expect(refusal).toContainText('Confirm your email address in Shopify');
  await expect(admin.frame.getByLabel('Key figures')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/refused-1280.png` });
});

test('outside admin: a direct visit goes to Shopify admin (or the sign-in), and other pages still refuse framing', async ({ page, request }) => {
  await page.goto(`${APP_URL}/embedded?shop=${ACME}`);
  expect(page.url().startsWith(`${SHOP_URL}/store/acme-outdoors/apps/demo-client-id`)).toBe(true);
  await expect(new DemoAdminPage(page).heading('Where-is-my-order questions')).toBeVisible();

  await page.goto(`${APP_URL}/embedded`);
  expect(new URL(page.url()).pathname).toBe('/dashboard');

  // Shopify's top-level install request for the authorization-code flow (application_url with hmac): a shop we do
  // not serve goes on to the OAuth install route, which checks the hmac (this one is forged: 401); a served shop
  // goes to admin.
  const legacy = await request.get(`${APP_URL}/embedded?shop=unknown-shop.myshopify.com&hmac=forged&timestamp=1`, { maxRedirects: 0 });
  expect(legacy.status()).toBe(307);
  expect(legacy.headers().location).toMatch(/\/api\/shopify\/install\?shop=unknown-shop\.myshopify\.com&hmac=forged&timestamp=1$/);
  expect(
    (await request.get(`${APP_URL}${new URL(legacy.headers().location!, APP_URL).pathname}${new URL(legacy.headers().location!, APP_URL).search}`)).status(),
  ).toBe(401);
  const served = await request.get(`${APP_URL}/embedded?shop=${ACME}&hmac=forged&timestamp=1`, { maxRedirects: 0 });
  expect(served.headers().location).toBe(`${SHOP_URL}/store/acme-outdoors/apps/demo-client-id`);

  // App Bridge finds our client id: the meta tag is in <head>, before the (synchronous) App Bridge script.
  const bounce = await (await request.get(`${APP_URL}/embedded/session-token?shop=${ACME}&embedded=1`)).text();
  const meta = bounce.indexOf('<meta name="shopify-api-key" content="demo-client-id"');
  expect(meta).toBeGreaterThan(-1);
  expect(meta).toBeLessThan(bounce.indexOf('</head>'));
  expect(meta).toBeLessThan(bounce.indexOf(`<script src="${SHOP_URL}/app-bridge.js"`));

  const dashboard = await request.get(`${APP_URL}/dashboard`);
  expect(dashboard.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
  const hostile = await request.get(`${APP_URL}/embedded?embedded=1&shop=evil.example`, { maxRedirects: 0 });
  expect(hostile.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
  // A forged token (not signed with the app secret) is refused inside the frame, without a bounce loop.
  const forged = await request.get(`${APP_URL}/embedded?embedded=1&shop=${ACME}&id_token=eyJhbGciOiJIUzI1NiJ9.e30.x`, { maxRedirects: 0 });
  expect(forged.status()).toBe(200);
  expect(await forged.text()).toContain('We could not confirm your Shopify session');
});
