import { expect, test } from '@playwright/test';
import { knownOrder } from '../demo-shop/seed/known-orders';
import { StorefrontPage } from './pages/storefront-page';

const ACME = 'acme-outdoors.myshopify.com';

test('in the widget, a stuck parcel reads Delayed and its card asks a person through the chat', async ({ page }) => {
  const order = knownOrder('acme.stuck_in_transit');
  const store = new StorefrontPage(page);
  await store.goto(ACME);
  const widget = await store.openChat();
  await widget.send(`where is my order ${order.name}`);
  await widget.send(order.email!);
  const card = widget.orderCard(order.name);
  await expect(card).toBeVisible();
  await expect(card.getByText('Delayed', { exact: true })).toBeVisible();
  await expect(card.getByText('On its way', { exact: true })).toHaveCount(0);
  // The chat card stays compact: no stepper there.
  await expect(card.getByRole('region', { name: 'Progress' })).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/order-card/widget-delayed-390.png' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await card.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(widget.log.locator('[data-role="shopper"]').last()).toContainText('Talk to a person');
  await expect.poll(() => widget.agentMessages().count(), { timeout: 20_000 }).toBeGreaterThan(2);
  await page.screenshot({ path: 'test-results/order-card/widget-handoff-1280.png' });
});
