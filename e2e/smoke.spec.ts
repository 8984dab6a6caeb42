import { expect, test } from '@playwright/test';
import { DEMO_HEALTH_TOKEN } from '../demo-shop/shops';

test('the demo app serves its landing page with the demo shops connected', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Order Status Agent' })).toBeVisible();
  const shops = page.getByRole('region', { name: 'Connected shops' });
  await expect(shops.getByText('Acme Outdoors', { exact: true })).toBeVisible();
  await expect(shops.getByText('nordic-threads.myshopify.com')).toBeVisible();
  await expect(shops.getByRole('link', { name: 'Tracking page for Acme Outdoors' })).toHaveAttribute('href', '/t/acme-outdoors.myshopify.com');
  await expect(page.getByRole('link', { name: 'Merchant dashboard' })).toBeVisible();
});

test('the landing page works on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Order Status Agent' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/landing-phone.png', fullPage: true });
});

test('health is green: database, cache and every demo shop reachable', async ({ request }) => {
  const response = await request.get('/api/health', { headers: { authorization: `Bearer ${DEMO_HEALTH_TOKEN}` } });
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe('ok');
  expect(body.database.ok).toBe(true);
  expect(body.cache.ok).toBe(true);
  expect(body.shops.length).toBeGreaterThanOrEqual(3);
  for (const shop of body.shops) expect(shop.ok).toBe(true);
});

test('health names no shop without the token, nor with a wrong one', async ({ request }) => {
  const attempts: Array<Record<string, string>> = [{}, { authorization: `Bearer ${DEMO_HEALTH_TOKEN}x` }, { authorization: DEMO_HEALTH_TOKEN }];
  for (const headers of attempts) {
    const response = await request.get('/api/health', { headers });
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('myshopify.com');
    // Three demo shops are connected at start; the embedded spec may have installed a fourth (Fresh Fields).
    const { total, ok } = JSON.parse(text).shops as { total: number; ok: number };
    expect(total).toBeGreaterThanOrEqual(3);
    expect(ok).toBe(total);
  }
});

test('pages refuse to be framed by other sites', async ({ request }) => {
  const response = await request.get('/');
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});
