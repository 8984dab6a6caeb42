import { expect, test } from '@playwright/test';
import { APP_URL, StorefrontPage } from './pages/storefront-page';

const ACME = 'acme-outdoors.myshopify.com';
const SHOTS = 'test-results/chat-conversation';
const SHOP_PORT = process.env.E2E_SHOP_PORT ?? 4210;
const OFD = { name: '#1278', email: 'ofd.olivia@example.com' };

for (const [width, height, label] of [
  [1280, 800, 'desktop'],
  [390, 844, 'phone'],
] as const) {
  test.describe(`chat conversation (${label})`, () => {
    test.use({ viewport: { width, height } });

    test('each new reply is shown from its first line; follow-ups answer without the card again', async ({ page }) => {
      const store = new StorefrontPage(page);
      await store.goto(ACME);
      const widget = await store.openChat();
      await widget.send('#1280 jane.doe@example.com');
      const found = widget.agentMessages().last();
      await expect(found.getByRole('article', { name: 'Order #1280' })).toBeVisible();
      // The reply's start is in view (the log is not scrolled to the bottom of a long card).
      const log = (await widget.log.boundingBox())!;
      const top = (await found.boundingBox())!.y;
      expect(top).toBeGreaterThanOrEqual(log.y - 1);
      expect(top).toBeLessThan(log.y + log.height / 2);
      await page.screenshot({ path: `${SHOTS}/reply-start-${label}.png` });

      await widget.send('tracking number?');
      const followUp = widget.agentMessages().last();
      await expect(followUp).toContainText('Tracking for order #1280');
      await expect(followUp.getByRole('article')).toHaveCount(0);
      await expect(widget.log.getByRole('article', { name: 'Order #1280' })).toHaveCount(1);
    });

    test('a returning verified shopper is greeted with the news, one sentence and the card', async ({ page, context }) => {
      const store = new StorefrontPage(page);
      await store.goto(ACME);
      const widget = await store.openChat();
      await widget.send(`${OFD.name} ${OFD.email}`);

      // Another tab: a new conversation for the same browser session (its grant), as on a later visit.
      const later = new StorefrontPage(await context.newPage());
      await later.goto(ACME);
      const again = await later.openChat();
      const greeting = again.agentMessages().first();
      await expect(greeting).toContainText(`Order ${OFD.name} is out for delivery and should arrive today.`);
      await expect(greeting.getByRole('article', { name: `Order ${OFD.name}` })).toBeVisible();
      await later.page.screenshot({ path: `${SHOTS}/proactive-${label}.png` });
    });
  });
}

test.describe('keyboard and screen reader', () => {
  test('focus stays in the composer, only the new agent message is announced, Escape returns to the launcher', async ({ page }) => {
    const store = new StorefrontPage(page);
    await store.goto(ACME);
    await expect(store.launcher).toHaveAccessibleName('Chat about your order');
    await store.launcher.focus();
    await page.keyboard.press('Enter');
    const widget = store.widget;
    await widget.waitUntilReady();
    await expect(widget.input).toBeFocused();
    await expect(widget.closeButton).toHaveAccessibleName('Close chat');

    const live = page.frameLocator('iframe[title="Chat about your order"]').locator('[aria-live="polite"]');
    await expect(widget.log).toHaveAttribute('aria-live', 'off');
    await expect(live).toHaveCount(1);

    // Enter sends and keeps focus in the field.
    await widget.input.fill('where is my order');
    await page.keyboard.press('Enter');
    await expect(widget.typing).toBeHidden({ timeout: 20_000 });
    await expect(widget.input).toBeFocused();
    await expect(live).toHaveText(/^.+: I can check that for you\. What's your order number/);

    // A click on Send keeps focus in the field too.
    await widget.input.fill('#1282 jane.doe@example.com');
    await widget.sendButton.click();
    await expect(widget.orderCard('#1282')).toBeVisible({ timeout: 20_000 });
    await expect(widget.input).toBeFocused();
    // The live region holds the newest message only, never the whole log.
    await expect(live).toHaveText(/Thanks, I found your order\. Here's the latest on order #1282\. Order #1282: .+\.$/);
    await expect(live).not.toContainText('where is my order');
    await expect(live).not.toContainText('I can check that for you');

    // A suggested reply (it disappears with the answer) leaves focus in the composer, not on the page body.
    await widget.log.getByRole('button', { name: "What's in it?" }).click();
    await expect(widget.typing).toBeHidden({ timeout: 20_000 });
    await expect(widget.input).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(store.panelFrame).toBeHidden();
    await expect(store.launcher).toBeFocused();
  });
});

test.describe('blocked embed', () => {
  test('on a storefront domain the shop did not allow, the panel offers the tracking page instead of a broken frame', async ({ page }) => {
    // localhost is not in the demo shop's storefront domains (127.0.0.1 is): frame-ancestors refuses the iframe.
    const store = new StorefrontPage(page);
    await page.goto(`http://localhost:${SHOP_PORT}/storefront/${ACME}?app=${encodeURIComponent(APP_URL)}`);
    await expect(store.launcher).toBeVisible();
    await store.launcher.click();
    const notice = page.getByRole('alert').filter({ hasText: "The order chat can't open on this page." });
    await expect(notice).toBeVisible({ timeout: 15_000 });
    const link = notice.getByRole('link', { name: 'Track your order on our tracking page' });
    await expect(link).toHaveAttribute('href', `${APP_URL}/t/${ACME}`);
    await expect(link).toBeFocused();
    await expect(store.panelFrame).toBeHidden();
    await page.screenshot({ path: `${SHOTS}/blocked-desktop.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/blocked-phone.png` });

    await page.keyboard.press('Escape');
    await expect(notice).toBeHidden();
    await expect(store.launcher).toBeFocused();
    // On a phone the panel covers the launcher: the notice has its own Close button.
    await store.launcher.click();
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Close' }).click();
    await expect(notice).toBeHidden();
    await expect(store.launcher).toBeFocused();
  });
});
