import { expect, test } from '@playwright/test';
import { DEMO_HEALTH_TOKEN } from '../demo-shop/shops';
import { knownOrder } from '../demo-shop/seed/known-orders';
import { SHOP_URL } from './pages/storefront-page';
import { TrackingLookupPage, TrackingOrderPage } from './pages/tracking-pages';

const NORDIC = 'nordic-threads.myshopify.com';

/** The demo shop's control API: a merchant or carrier action, delivered as webhooks to subscribed addresses only. */
async function control(path: string, body: Record<string, unknown>): Promise<Array<{ url: string; status: number }>> {
  const response = await fetch(`${SHOP_URL}/_demo/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { deliveries: Array<{ url: string; status: number }> }).deliveries;
}

test('npm run demo subscribed every shop through the Admin API; health says so', async ({ request, baseURL }) => {
  const health = await (await request.get('/api/health', { headers: { authorization: `Bearer ${DEMO_HEALTH_TOKEN}` } })).json();
  expect(health.shops.length).toBeGreaterThanOrEqual(3);
  for (const shop of health.shops) expect(shop.webhooks).toEqual({ complete: true, missing: [] });
  const listed = await (await fetch(`${SHOP_URL}/_demo/webhook-subscriptions?shop=${NORDIC}`)).json();
  expect(new Set(listed.subscriptions.map((s: { callbackUrl: string }) => s.callbackUrl))).toEqual(new Set([`${baseURL}/api/webhooks/shopify`]));
});

test('a cancellation and a carrier scan in the shop show on the open order page at the next load', async ({ page, baseURL }) => {
  const lookup = new TrackingLookupPage(page);
  const order = new TrackingOrderPage(page);
  const waiting = knownOrder('nordic.unfulfilled');
  const shipped = knownOrder('nordic.in_transit');

  await lookup.goto(NORDIC);
  await lookup.lookUp(waiting.name, waiting.email!);
  await expect(order.card(waiting.name)).toBeVisible({ timeout: 20_000 });
  const waitingUrl = page.url();
  await lookup.goto(NORDIC);
  await lookup.lookUp(shipped.name, shipped.email!);
  await expect(order.card(shipped.name)).toBeVisible({ timeout: 20_000 });
  const shippedUrl = page.url();

  const deliveries = [
    ...(await control('orders/cancel', { shop: NORDIC, order: waiting.name, reason: 'customer' })),
    ...(await control('orders/event', { shop: NORDIC, order: shipped.name, status: 'out_for_delivery', city: 'Uppsala', message: 'Out for delivery' })),
  ];
  expect(deliveries.length).toBeGreaterThan(0);
  for (const delivery of deliveries) expect(delivery).toEqual(expect.objectContaining({ url: `${baseURL}/api/webhooks/shopify`, status: 200 }));

  await page.goto(waitingUrl);
  await expect(
    order
      .card(waiting.name)
      .getByText(/cancel/i)
      .first(),
  ).toBeVisible();
  await page.goto(shippedUrl);
  await expect(
    order
      .card(shipped.name)
      .getByText(/out for delivery/i)
      .first(),
  ).toBeVisible();
  await expect(page.getByText(/Uppsala/).first()).toBeVisible();
});
