import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-pages';
import { DevOutboxPage } from './pages/tracking-pages';

const SHOTS = 'test-results/handoff-notice';
const NORDIC = 'nordic-threads.myshopify.com';
const ACME = 'acme-outdoors.myshopify.com';
const MERCHANT = 'merchant@example.com';

async function shoot(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(Math.max(width, 390));
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a shop without a support address is told on the overview and settings that hand-offs cannot reach anyone', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.requestSignIn(MERCHANT);
  const outbox = new DevOutboxPage(page);
  await outbox.goto();
  await page.goto(await outbox.newestSignInLink(MERCHANT));
  await expect(page.getByRole('heading', { level: 1, name: 'Your shops' })).toBeVisible();

  const today = new Date().toISOString().slice(0, 10);
  await dashboard.gotoOverview(NORDIC, today);
  const notice = page.getByRole('note', { name: 'Hand-offs cannot reach anyone' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('the chat does not offer a person');
  await shoot(page, 'overview');
  await notice.getByRole('link', { name: 'Set the support email in Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(notice).toBeVisible();
  await notice.getByRole('link', { name: 'Set the support email' }).click();
  await expect(page.getByLabel('Support email for hand-offs')).toBeInViewport();
  await shoot(page, 'settings');

  // The demo's Acme merchant set an address: no notice there.
  await dashboard.gotoOverview(ACME, today);
  await expect(page.getByRole('note', { name: 'Hand-offs cannot reach anyone' })).toHaveCount(0);
});
