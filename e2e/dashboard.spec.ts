import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { knownOrder } from '../demo-shop/seed/known-orders';
import { localDay } from '../src/domain/analytics/shop-days';
import { DashboardPage } from './pages/dashboard-pages';
import { APP_URL } from './pages/storefront-page';
import { DevOutboxPage } from './pages/tracking-pages';

const SHOTS = process.env.DASHBOARD_SHOTS ?? 'test-results/dashboard';
const TINY = 'tiny-tea.myshopify.com';
const MERCHANT = 'merchant@example.com';

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** One tRPC mutation over HTTP, as the widget and the tracking page call it (superjson envelope). */
async function trpc<T>(api: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await api.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.ok(), `${path}: ${response.status()}`).toBe(true);
  return (await response.json()).result.data.json as T;
}

test('merchant signs in by magic link, sees the events, opens a timeline, exports CSV and rebrands the widget', async ({ page, playwright }) => {
  const dashboard = new DashboardPage(page);
  const today = localDay(new Date(), 'Europe/London'); // Tiny Tea's day: the dashboard's days are the shop's
  const order = knownOrder('tiny.in_transit');

  await dashboard.requestSignIn(MERCHANT);
  const outbox = new DevOutboxPage(page);
  await outbox.goto();
  await page.goto(await outbox.newestSignInLink(MERCHANT));
  await expect(page.getByRole('heading', { level: 1, name: 'Your shops' })).toBeVisible();
  await page.getByRole('link', { name: new RegExp(TINY) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Where-is-my-order questions' })).toBeVisible();

  await dashboard.gotoOverview(TINY, today);
  const before = {
    questions: await dashboard.funnelStep('Order-status questions'),
    verified: await dashboard.funnelStep('Verified'),
    answered: await dashboard.funnelStep('Answered'),
  };

  // A tracking-page lookup (one wrong email first) and a chat, each from its own browser session.
  const pageShopper = await playwright.request.newContext({ baseURL: APP_URL, extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.201' } });
  const miss = await trpc<{ status: string }>(pageShopper, 'orders.verify', {
    shop: TINY,
    orderReference: order.name,
    email: 'nobody@example.com',
    door: 'page',
  });
  expect(miss.status).toBe('not_verified');
  const hit = await trpc<{ status: string }>(pageShopper, 'orders.verify', { shop: TINY, orderReference: order.name, email: order.email, door: 'page' });
  expect(hit.status).toBe('verified');
  const chatShopper = await playwright.request.newContext({ baseURL: APP_URL, extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.202' } });
  const { conversationId } = await trpc<{ conversationId: string }>(chatShopper, 'chat.start', { shop: TINY, door: 'widget' });
  await trpc(chatShopper, 'chat.send', { conversationId, text: `Where is my order ${order.name}? ${order.email}` });

  await dashboard.gotoOverview(TINY, today);
  expect(await dashboard.funnelStep('Order-status questions')).toBe(before.questions + 2);
  expect(await dashboard.funnelStep('Verified')).toBe(before.verified + 2);
  expect(await dashboard.funnelStep('Answered')).toBe(before.answered + 2);
  await expect(page.locator('dl[aria-label="Key figures"]')).toContainText('Lookup success');
  await shoot(page, 'overview');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV of WISMO funnel' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('Step,Inquiries,Share of questions');
  expect(csv).toContain(`Order-status questions,${before.questions + 2},`);

  await dashboard.openTimeline(order.name);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${order.name}`) })).toBeVisible();
  const entries = page.getByRole('list', { name: 'Timeline, oldest first' }).getByRole('listitem');
  await expect(entries.filter({ hasText: 'Shopper asked (Tracking page)' }).first()).toBeVisible();
  await expect(entries.filter({ hasText: 'Shopper asked (Chat)' }).first()).toBeVisible();
  await expect(page.getByRole('img', { name: /^Timeline from/ })).toBeVisible();
  await shoot(page, 'timeline');

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Brand colour').fill('#0f766e');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved');
  await shoot(page, 'settings');

  await page.goto(`/widget/${TINY}`);
  await expect(page.locator('header').first()).toHaveCSS('background-color', 'rgb(15, 118, 110)');
  await shoot(page, 'widget-rebranded');

  // Another shop's export is not this merchant's to read when they are not a member: signed out → 401.
  const stranger = await playwright.request.newContext({ baseURL: APP_URL });
  expect((await stranger.get(`/dashboard/${TINY}/export/funnel.csv`)).status()).toBe(401);
});

test('at phone width (390 px) the nav, tables, timeline and date presets stay usable, and labels are human', async ({ page, playwright }) => {
  const dashboard = new DashboardPage(page);
  const order = knownOrder('tiny.in_transit');
  const chatShopper = await playwright.request.newContext({ baseURL: APP_URL, extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.203' } });
  const { conversationId } = await trpc<{ conversationId: string }>(chatShopper, 'chat.start', { shop: TINY, door: 'widget' });
  await trpc(chatShopper, 'chat.send', { conversationId, text: `Where is my order ${order.name}? ${order.email}` });

  await dashboard.requestSignIn(MERCHANT);
  const outbox = new DevOutboxPage(page);
  await outbox.goto();
  await page.goto(await outbox.newestSignInLink(MERCHANT));
  await page.setViewportSize({ width: 390, height: 844 });
  const insideViewport = async (name: string, locator: ReturnType<Page['getByRole']>) => {
    const box = await locator.boundingBox();
    expect(box, name).not.toBeNull();
    expect(box!.x, name).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, name).toBeLessThanOrEqual(390);
  };

  // Presets are links (URL state), reachable by keyboard, and mark the chosen one.
  await page.goto(`/dashboard/${TINY}`);
  const nav = page.getByRole('navigation', { name: 'Dashboard' });
  await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  for (const tab of ['Overview', 'Order timeline', 'Conversations', 'Audit log', 'Settings']) await insideViewport(tab, nav.getByRole('link', { name: tab }));
  const week = page.getByRole('link', { name: 'Last 7 days' });
  await week.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=/);
  await expect(page.getByRole('link', { name: 'Last 7 days' })).toHaveAttribute('aria-current', 'page');
  await expect(dashboard.kpi('Order-status questions')).toContainText(/vs \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
  await expect(dashboard.kpi('Resolved without a person')).toContainText('No person needed');
  const main = page.locator('main');
  for (const code of ['in_transit', 'email_mismatch', 'ready_for_pickup']) await expect(main).not.toContainText(code);
  await shoot(page, 'overview-7-days');
  await page.setViewportSize({ width: 390, height: 844 }); // shoot() leaves the page at desktop width

  // The export keeps the codes the page translates.
  const csv = await page.request.get(`/dashboard/${TINY}/export/status-categories.csv`);
  expect(await csv.text()).toMatch(/^Status,Orders asked about,Share\r\n/);
  expect(await csv.text()).toContain('in_transit,');

  // Conversations: each row is a card; the transcript link is on screen.
  await nav.getByRole('link', { name: 'Conversations' }).click();
  await expect(nav.getByRole('link', { name: 'Conversations' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current', 'page');
  const transcript = page.getByRole('link', { name: /^Transcript/ }).first();
  await insideViewport('transcript link', transcript);
  await expect(page.getByRole('table').first()).not.toContainText('handed_off');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await transcript.click();
  await expect(nav.getByRole('link', { name: 'Conversations' })).toHaveAttribute('aria-current', 'page');

  // The timeline chart at phone scale: no two labels overlap.
  await page.goto(`/dashboard/${TINY}/orders?number=${encodeURIComponent(order.name)}`);
  const chart = page.getByRole('img', { name: /^Timeline from/ });
  await expect(chart).toBeVisible();
  const boxes = await chart.locator('text').evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect().toJSON() as DOMRect));
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart, JSON.stringify([a, b])).toBe(true);
    }
  expect(Math.min(...boxes.map((b) => b.height))).toBeGreaterThanOrEqual(11);
  await shoot(page, 'timeline-phone');
});
