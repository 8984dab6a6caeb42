import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { renderBlock, type ShopifyStorefront } from '../src/widget/render-theme-block';
import { chromiumLaunch } from '../playwright.config';
import { TrackingOrderPage } from './pages/tracking-pages';
import { APP_URL, SHOP_URL, StorefrontPage } from './pages/storefront-page';

const ACME = 'acme-outdoors.myshopify.com';
const SHOTS = 'test-results/theme-extension';

// The page is fulfilled by Playwright, not by a loopback server, so Chromium's Local Network Access would count
// it as public and block its loopback requests to the app; a real storefront and the app are both public.
test.use({ launchOptions: { ...chromiumLaunch, args: [...chromiumLaunch.args, '--disable-features=LocalNetworkAccessChecks'] } });

/**
 * The theme app extension's two blocks, rendered from their Liquid with liquidjs, on a page of the demo
 * storefront's origin (one of the shop's storefront domains, like a real theme page): the embed's loader opens
 * the real chat, and the Track your order form posts to the real app.
 */
test.describe('theme app extension on a storefront page', () => {
  test.beforeEach(async ({ page }) => {
    const storefront: ShopifyStorefront = {
      shop: { permanent_domain: ACME, name: 'Acme Outdoors' },
      request: { locale: { iso_code: 'fr' }, design_mode: false },
    };
    const embed = await renderBlock('chat-embed', storefront, { id: 'e2e_embed', settings: { app_url: APP_URL, launcher_color: '#1d4ed8' } });
    const track = await renderBlock('track-order', storefront, { id: 'e2e_track', settings: { app_url: APP_URL } });
    const css = readFileSync('extensions/order-status/assets/track-order.css', 'utf8');
    const body = `<!doctype html><html lang="fr"><head><meta name="viewport" content="width=device-width"><title>Acme Outdoors</title><style>${css}</style></head><body><main>${track}</main>${embed}</body></html>`;
    await page.route(`${SHOP_URL}/pages/track-your-order`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
    await page.goto(`${SHOP_URL}/pages/track-your-order`);
  });

  test('the app embed loads the chat with the storefront locale, and the chat greets in it', async ({ page }) => {
    const store = new StorefrontPage(page);
    await expect(store.launcher).toBeVisible();
    // The storefront is French (`request.locale.iso_code` = fr) and Acme publishes French: the greeting is French.
    await store.openChat(/Bonjour.*numéro de commande/);
    const src = new URL((await store.panelFrame.getAttribute('src'))!);
    expect(`${src.origin}${src.pathname}${src.search}`).toBe(`${APP_URL}/widget/${ACME}?locale=fr`);
    await expect(store.widget.input).toBeFocused();
  });

  test('Track your order posts number + email to the hosted page and opens the order', async ({ page }) => {
    await page.screenshot({ path: `${SHOTS}/track-block.png` });
    await page.getByLabel('Order number').fill('#1282');
    await page.getByLabel('Email').fill('Jane.Doe@example.com');
    await page.getByRole('button', { name: 'Find my order' }).click();
    await expect(page).toHaveURL(new RegExp(`^${APP_URL}/t/${ACME}/orders/\\d+$`), { timeout: 20_000 });
    await expect(new TrackingOrderPage(page).card('#1282')).toBeVisible();
  });

  test('a wrong email lands on the hosted form with the uniform answer and nothing echoed', async ({ page }) => {
    await page.getByLabel('Order number').fill('#1001');
    await page.getByLabel('Email').fill('not.the.buyer@example.com');
    await page.getByRole('button', { name: 'Find my order' }).click();
    await expect(page).toHaveURL(`${APP_URL}/t/${ACME}?notice=lookup_failed`);
    await expect(page.getByRole('status').filter({ hasText: "We couldn't find an order with that number and email address." })).toBeVisible();
    expect(await page.content()).not.toContain('not.the.buyer');
  });
});
