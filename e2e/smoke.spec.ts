import { expect, test } from '@playwright/test';

test('the demo app serves its landing page with the demo shops connected', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Order Status Agent' })).toBeVisible();
  const shops = page.getByRole('region', { name: 'Connected shops' });
  await expect(shops.getByText('Acme Outdoors')).toBeVisible();
  await expect(shops.getByText('nordic-threads.myshopify.com')).toBeVisible();
});

test('health is green: database, cache and every demo shop reachable', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe('ok');
  expect(body.database.ok).toBe(true);
  expect(body.cache.ok).toBe(true);
  expect(body.shops.length).toBeGreaterThanOrEqual(3);
  for (const shop of body.shops) expect(shop.ok).toBe(true);
});

test('pages refuse to be framed by other sites', async ({ request }) => {
  const response = await request.get('/');
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});
