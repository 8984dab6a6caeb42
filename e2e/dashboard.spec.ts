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
