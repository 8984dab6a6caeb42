import { mkdirSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { knownOrder } from '../demo-shop/seed/known-orders';
import { DashboardPage } from './pages/dashboard-pages';
import { APP_URL, StorefrontPage } from './pages/storefront-page';
import { DevOutboxPage, TrackingLookupPage, TrackingOrderPage } from './pages/tracking-pages';

/**
 * axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every page a shopper or merchant sees, at phone and desktop
 * widths, in the normal colours and with forced colours (Windows High Contrast). Each page is loaded once and
 * scanned in the four combinations. Target: no serious or critical violation. Results by impact are written
 * to test-results/axe/<AXE_LABEL>.json for docs/accessibility.md.
 */
const ACME = 'acme-outdoors.myshopify.com';
const TINY = 'tiny-tea.myshopify.com';
const JANE = 'jane.doe@example.com';
const MERCHANT = 'merchant@example.com';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;
const COLOURS = ['light', 'forced-colors'] as const;
const BLOCKING = new Set(['serious', 'critical']);

type Finding = { id: string; impact: string; nodes: number; targets: string[] };
type Scan = { page: string; width: string; colours: string; byImpact: Record<string, number>; findings: Finding[]; passed: number; incomplete: string[] };
const scans: Scan[] = [];

// Many scans per test on a shared machine: a generous budget per test (one demo server serves all of them).
test.describe.configure({ timeout: 600_000 });

test.afterAll(() => {
  mkdirSync('test-results/axe', { recursive: true });
  writeFileSync(`test-results/axe/${process.env.AXE_LABEL ?? 'latest'}.json`, `${JSON.stringify(scans, null, 2)}\n`);
});

/** Scans the page as it is now at both widths and in both colour modes; serious and critical findings fail the test at the end. */
async function scan(page: Page, name: string): Promise<void> {
  for (const colours of COLOURS) {
    await page.emulateMedia({ forcedColors: colours === 'forced-colors' ? 'active' : 'none' });
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const findings = result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? 'unknown',
        nodes: v.nodes.length,
        targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
      }));
      const byImpact: Record<string, number> = {};
      for (const f of findings) byImpact[f.impact] = (byImpact[f.impact] ?? 0) + f.nodes;
      scans.push({ page: name, width: size.name, colours, byImpact, findings, passed: result.passes.length, incomplete: result.incomplete.map((r) => r.id) });
      const blocking = findings.filter((f) => BLOCKING.has(f.impact));
      expect.soft(blocking, `${name} · ${size.name} · ${colours}`).toEqual([]);
    }
  }
  await page.emulateMedia({ forcedColors: 'none' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('shopper pages: lookup (empty, failed, locked), order page, delayed and problem orders, history', async ({ page, browser }) => {
  const lookup = new TrackingLookupPage(page);
  await lookup.goto(ACME);
  await scan(page, 'tracking page');

  await lookup.lookUp('#1289', 'someone.else@example.com');
  await expect(lookup.lookupMessage).toBeVisible();
  await scan(page, 'tracking page, failed lookup');

  for (const key of ['acme.in_transit', 'acme.stuck_in_transit', 'acme.delivery_failure', 'acme.split_shipment', 'acme.cancelled'] as const) {
    const order = knownOrder(key);
    await lookup.goto(ACME);
    await lookup.lookUp(order.name, order.email!);
    await expect(new TrackingOrderPage(page).card(order.name)).toBeVisible({ timeout: 20_000 });
    await scan(page, `order page (${key.split('.')[1]})`);
  }

  await lookup.goto(ACME);
  await lookup.requestLink(JANE);
  const outbox = new DevOutboxPage(page);
  await outbox.goto();
  await page.goto(await outbox.newestSignInLink(JANE));
  await expect(page.getByRole('list', { name: 'Orders, newest first' })).toBeVisible();
  await scan(page, 'order history');

  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.77' } });
  const locked = new TrackingLookupPage(await context.newPage());
  await locked.goto(ACME);
  for (let attempt = 1; attempt <= 5; attempt += 1) await locked.lookUp('#1293', `guess${attempt}@example.com`);
  await expect(locked.lookupMessage).toContainText('Too many attempts');
  await scan(locked.page, 'tracking page, locked');
  await context.close();
});

test('chat widget: closed, open, with an order card, with an error', async ({ browser }) => {
  // Each state in its own browser, scanned at the end of its flow (the chat is not used again after a scan).
  const storefront = async () => new StorefrontPage(await (await browser.newContext()).newPage());
  const idle = await storefront();
  await idle.goto(ACME);
  await scan(idle.page, 'widget closed (storefront)');
  await idle.openChat();
  await scan(idle.page, 'widget open');

  const failing = await storefront();
  await failing.goto(ACME);
  const failed = await failing.openChat();
  await failed.send('where is my order');
  await failed.send('#1282');
  await failed.send('nobody@example.com');
  await expect(failed.log.getByText("We couldn't find an order").last()).toBeVisible();
  await scan(failing.page, 'widget with an error');

  const verified = await storefront();
  await verified.goto(ACME);
  const widget = await verified.openChat();
  await widget.send('where is my order');
  await widget.send('#1282');
  await widget.send('jane.doe@example.com');
  await expect(widget.orderCard('#1282')).toBeVisible();
  await scan(verified.page, 'widget with an order card');
});

test('dashboard: sign-in, shop list and every shop page', async ({ page, playwright }) => {
  // A chat in Tiny Tea, so the conversation list and a transcript have something to show.
  const shopper = await playwright.request.newContext({ baseURL: APP_URL, extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.78' } });
  const started = await shopper.post('/api/trpc/chat.start', { data: { json: { shop: TINY, door: 'widget' } } });
  const { conversationId } = (await started.json()).result.data.json as { conversationId: string };
  const tinyOrder = knownOrder('tiny.in_transit');
  await shopper.post('/api/trpc/chat.send', { data: { json: { conversationId, text: `Where is my order ${tinyOrder.name}? ${tinyOrder.email}` } } });
  await shopper.dispose();

  const dashboard = new DashboardPage(page);
  await page.goto('/dashboard');
  await expect(page.getByLabel('Work email')).toBeVisible();
  await scan(page, 'dashboard sign-in');
  await dashboard.requestSignIn(MERCHANT);
  const outbox = new DevOutboxPage(page);
  await outbox.goto();
  await page.goto(await outbox.newestSignInLink(MERCHANT));
  await expect(page.getByRole('heading', { level: 1, name: 'Your shops' })).toBeVisible();
  await scan(page, 'dashboard shop list');

  const base = `/dashboard/${TINY}`;
  for (const [name, path] of [
    ['dashboard overview', base],
    ['dashboard order timeline', `${base}/orders?number=${encodeURIComponent(tinyOrder.name)}`],
    ['dashboard conversations', `${base}/conversations`],
    ['dashboard audit log', `${base}/audit`],
    ['dashboard settings', `${base}/settings`],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await scan(page, name);
  }
  await page.goto(`${base}/conversations`);
  await page
    .getByRole('main')
    .getByRole('link', { name: /^Transcript/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await scan(page, 'dashboard conversation transcript');
});
