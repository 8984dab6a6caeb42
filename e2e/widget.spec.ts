import { expect, test, type Page } from '@playwright/test';
import { buildAppProxyQuery } from '../demo-shop/app-proxy';
import { ChatWidget } from './pages/chat-widget';
import { APP_URL, SHOP_URL, StorefrontPage } from './pages/storefront-page';

const ACME = 'acme-outdoors.myshopify.com';
const SHOTS = 'test-results/widget';
const NOT_VERIFIED = "We couldn't find an order with that number and email address.";

/** Fails the test if any script dialog opens (an executed `<script>alert(1)</script>` would). */
function forbidDialogs(page: Page): void {
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
  });
}

test.describe('chat widget on a cross-origin storefront (desktop)', () => {
  test('the launcher opens the iframe only when clicked; Escape closes it and focus returns', async ({ page }) => {
    const store = new StorefrontPage(page);
    await store.goto(ACME);
    expect(new URL(page.url()).origin).toBe(SHOP_URL);
    // Loading the script must not steal focus nor load the app: no iframe yet.
    await expect(page.locator('iframe')).toHaveCount(0);
    await expect(store.launcher).not.toBeFocused();
    await expect(store.launcher).toHaveAttribute('aria-expanded', 'false');
    const box = await store.launcher.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(24);
    expect(box!.height).toBeGreaterThanOrEqual(24);
    await page.screenshot({ path: `${SHOTS}/launcher-closed-desktop.png` });

    const widget = await store.openChat();
    expect(new URL((await store.panelFrame.getAttribute('src'))!).origin).toBe(APP_URL);
    await expect(store.launcher).toHaveAttribute('aria-expanded', 'true');
    await expect(widget.input).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/open-desktop.png` });

    await page.keyboard.press('Escape');
    await expect(store.panelFrame).toBeHidden();
    await expect(store.launcher).toBeFocused();
    await expect(store.launcher).toHaveAttribute('aria-expanded', 'false');
  });

  test('where is my order → number → email → status card with the tracking link', async ({ page }) => {
    forbidDialogs(page);
    const store = new StorefrontPage(page);
    await store.goto(ACME);
    const widget = await store.openChat();

    await widget.send('where is my order');
    await widget.send('#1282');
    await widget.send('jane.doe@example.com');

    const card = widget.orderCard('#1282');
    await expect(card).toBeVisible();
    await expect(card.getByText('On its way', { exact: true })).toBeVisible();
    const tracking = card.getByRole('link', { name: /Track with FedEx/ });
    await expect(tracking).toHaveAttribute('target', '_blank');
    await expect(tracking).toHaveAttribute('rel', 'noopener noreferrer');
    const trackingNumber = (await card
      .getByRole('definition')
      .filter({ hasText: /^\d{10,}$/ })
      .first()
      .textContent())!.trim();
    await expect(tracking).toHaveAttribute('href', `https://www.fedex.com/fedextrack/?trknbr=${trackingNumber}`);

    await card.getByText('Timeline').click();
    await expect(card.getByRole('list', { name: 'Order timeline, newest first' })).toBeVisible();
    await expect(card.getByText('Order placed')).toBeVisible();
    await card.getByRole('heading', { name: 'Order #1282' }).scrollIntoViewIfNeeded();
    await store.panelFrame.screenshot({ path: `${SHOTS}/order-card.png` });
    await page.screenshot({ path: `${SHOTS}/open-desktop-order.png` });

    // The conversation survives a reload of the storefront page.
    await page.reload();
    await store.openChat();
    await expect(widget.orderCard('#1282')).toBeVisible();
    const shopperLines = widget.log.locator('[data-role="shopper"]');
    await expect(shopperLines.filter({ hasText: '#1282' })).toBeVisible();
    // The server keeps shopper emails masked: history shows j***@example.com, never the address itself.
    await expect(shopperLines.filter({ hasText: '@example.com' })).toBeVisible();
    await expect(shopperLines.filter({ hasText: 'jane.doe@' })).toHaveCount(0);
  });

  test('a wrong email gets the uniform failure; markup in product titles is shown as text', async ({ page }) => {
    forbidDialogs(page);
    const store = new StorefrontPage(page);
    await store.goto(ACME);
    const widget = await store.openChat();

    await widget.send('order #1282, my email is wrong.person@example.com');
    await expect(widget.log.getByText(NOT_VERIFIED).last()).toBeVisible();
    await expect(widget.orderCard('#1282')).toHaveCount(0);

    await widget.send('#1287 xss.xavier@example.com');
    const card = widget.orderCard('#1287');
    await expect(card).toBeVisible();
    await card.getByText(/^Items/).click();
    await expect(card.getByText('<script>alert(1)</script> Enamel Camp Mug')).toBeVisible();
  });

  test('"talk to a human" asks where to reply and what the question is, then mails the shop\'s support address', async ({ page, request }) => {
    const store = new StorefrontPage(page);
    await store.goto(ACME);
    const widget = await store.openChat();

    await widget.send('talk to a human');
    await expect(widget.agentMessages().last()).toContainText('what email address should they reply to?');
    await expect(widget.handoff()).toHaveCount(0);
    await widget.send('pat.e2e@example.com');
    await widget.send('My order arrived without the tent poles');
    const handoff = widget.handoff();
    await expect(handoff).toBeVisible();
    await expect(widget.agentMessages().last()).toContainText('A person will reply to p***@example.com within 1 business day.');
    const reference = (await handoff.locator('.font-mono').textContent())!.trim();
    expect(reference).not.toBe('');
    await store.panelFrame.screenshot({ path: `${SHOTS}/handoff.png` });

    // The demo merchant's configured support address gets the mail: on embedded defaults it lands in the outbox (/dev/outbox).
    const outbox = await (await request.get(`${APP_URL}/dev/outbox`)).text();
    expect(outbox).toContain(reference);
    expect(outbox).toContain('help@acme-outdoors.example');
  });

  test("the widget route may be framed only by the shop's own domains", async ({ request }) => {
    const widget = await request.get(`${APP_URL}/widget/${ACME}`);
    const policy = widget.headers()['content-security-policy'];
    expect(policy).toBe(`frame-ancestors https://${ACME} ${SHOP_URL}`);
    expect(policy).not.toContain('*');
    const unknown = await request.get(`${APP_URL}/widget/nobody.myshopify.com`);
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
    const landing = await request.get(`${APP_URL}/`);
    expect(landing.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  test('through the app proxy a signed-in customer is greeted by name with the latest order', async ({ page, request }) => {
    const search = await request.get(`${SHOP_URL}/shops/${ACME}/admin/api/2025-01/customers/search.json?query=email:jane.doe@example.com`, {
      headers: { 'X-Shopify-Access-Token': 'shpat_demo_acme_outdoors' },
    });
    const customerId = String(((await search.json()) as { customers: { id: number }[] }).customers[0]!.id);
    const query = buildAppProxyQuery({ shop: ACME, pathPrefix: '/apps/order-status', loggedInCustomerId: customerId }, 'demo-client-secret');
    await page.goto(`${APP_URL}/widget/${ACME}?${query}`);
    const widget = new ChatWidget(page);
    await expect(widget.log.getByText(/Hi Jane, your latest order #\d+/)).toBeVisible({ timeout: 20_000 });
    await expect(widget.log.getByRole('article', { name: /^Order #\d+/ })).toBeVisible();

    // A tampered signature falls back to the normal flow: no name, no order.
    const tampered = new URLSearchParams(query);
    tampered.set('signature', 'f'.repeat(64));
    await page.goto(`${APP_URL}/widget/${ACME}?${tampered}`);
    await expect(widget.log.getByText(/order number, and the email address/)).toBeVisible({ timeout: 20_000 });
    await expect(widget.log.getByText(/Hi Jane/)).toHaveCount(0);
  });
});

test.describe('chat widget on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('opens full screen and closes from inside the iframe, focus back on the launcher', async ({ page }) => {
    const store = new StorefrontPage(page);
    await store.goto(ACME);
    await page.screenshot({ path: `${SHOTS}/launcher-closed-phone.png` });
    const widget = await store.openChat();
    const box = await store.panelFrame.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    await widget.send('where is my order');
    await widget.send('#1282 jane.doe@example.com');
    await expect(widget.orderCard('#1282')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/open-phone.png` });

    await widget.closeButton.click();
    await expect(store.panelFrame).toBeHidden();
    await expect(store.launcher).toBeFocused();
  });
});
