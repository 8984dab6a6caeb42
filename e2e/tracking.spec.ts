import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { deriveKey } from '../src/server/crypto/secrets';
import { deepLinkSecretFor } from '../src/domain/links/deep-link';
import { knownOrder } from '../demo-shop/seed/known-orders';
import { SHOP_URL } from './pages/storefront-page';
import { DevOutboxPage, OrderHistoryPage, TrackingLookupPage, TrackingOrderPage } from './pages/tracking-pages';

const ACME = 'acme-outdoors.myshopify.com';
const NORDIC = 'nordic-threads.myshopify.com';
const JANE = 'jane.doe@example.com';
// `npm run demo` gives Acme a support address (scripts/demo.ts), so a person is reached by email there.
const ACME_SUPPORT = 'help@acme-outdoors.example';
const ASK_A_PERSON = `Email ${ACME_SUPPORT}`;
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'test-results/tracking';
const NOT_VERIFIED =
  "We couldn't find an order with that number and email address. Please check both (the number is in your order confirmation email) and try again.";
const LAST_TRY = 'You have 1 try left before lookups are paused for your security.';
const metrics: Record<string, number> = {};

test.afterAll(() => {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(`${SHOTS}/metrics.json`, JSON.stringify(metrics, null, 2));
});

async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  // Nothing may scroll sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The order's numeric id, asked from the demo shop's Admin API like any API client would. */
async function shopOrderId(shop: string, token: string, name: string): Promise<string> {
  const response = await fetch(`${SHOP_URL}/shops/${shop}/admin/api/2025-01/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': token },
    body: JSON.stringify({ query: `{ orders(first: 5, query: "name:${name}") { nodes { name legacyResourceId } } }` }),
  });
  const body = (await response.json()) as { data: { orders: { nodes: Array<{ name: string; legacyResourceId: string }> } } };
  return body.data.orders.nodes.find((node) => node.name === name)!.legacyResourceId;
}

/**
 * Exactly what the merchant's Liquid snippet computes at send time:
 *   expires = 'now' | date: '%s' | plus: 7776000;  sig = id | append: '.' | append: expires | hmac_sha256: SECRET
 */
function liquidDeepLink(shop: string, orderId: string): string {
  const appSecret = process.env.APP_SECRET ?? readFileSync(`${process.env.E2E_DATA_DIR ?? '.data/e2e'}/dev-app-secret`, 'utf8').trim();
  const secret = deepLinkSecretFor(deriveKey(appSecret, 'deep-link'), { domain: shop });
  const expires = Number(String(Math.floor(Date.now() / 1000))) + 7776000;
  const payload = `${orderId}.${expires}`;
  const sig = createHmac('sha256', secret).update(payload).digest('hex');
  return `/t/${shop}/o/${payload}.${sig}`;
}

test.describe('hosted tracking page', () => {
  test('order number + email → the order page with shipments and timeline', async ({ page }) => {
    const lookup = new TrackingLookupPage(page);
    await lookup.goto(ACME);
    await expect(page.getByText('Acme Outdoors').first()).toBeVisible();
    await shoot(page, 'lookup');
    await lookup.lookUp('#1282', 'Jane.Doe@example.com');
    await expect(page).toHaveURL(new RegExp(`/t/${ACME}/orders/\\d+$`), { timeout: 20_000 });
    // Neither the email nor the order number is in the URL.
    expect(page.url()).not.toMatch(/jane|1282|%40/i);
    const order = new TrackingOrderPage(page);
    const card = order.card('#1282');
    await expect(card).toBeVisible();
    await expect(card.getByText('FedEx').first()).toBeVisible();
    await expect(card.getByRole('link', { name: /Track with FedEx/ })).toHaveAttribute('href', /^https:\/\//);
    await expect(order.timeline().getByRole('listitem').first()).toBeVisible();
    await expect(page.getByText(/Checked with Acme Outdoors/)).toBeVisible();
    await shoot(page, 'order');
    // Back on the form the shopper is not asked again (WCAG 3.3.7): the order is listed for this device.
    await page.getByRole('link', { name: 'Look up another order' }).click();
    await expect(page.getByRole('region', { name: 'Your orders on this device' }).getByRole('link', { name: 'Order #1282' })).toBeVisible();
  });

  test('a deep link computed with the Liquid formula opens the order; a tampered one lands on the form', async ({ page }) => {
    const id = await shopOrderId(ACME, 'shpat_demo_acme_outdoors', '#1284');
    const link = liquidDeepLink(ACME, id);
    await page.goto(link);
    await expect(page).toHaveURL(new RegExp(`/t/${ACME}/orders/${id}$`));
    await expect(new TrackingOrderPage(page).card('#1284')).toBeVisible();

    const fresh = await page.context().browser()!.newContext();
    const stranger = await fresh.newPage();
    const other = await shopOrderId(ACME, 'shpat_demo_acme_outdoors', '#1001');
    const tampered = link.replace(`/o/${id}.`, `/o/${other}.`);
    await stranger.goto(tampered);
    await expect(stranger).toHaveURL(new RegExp(`/t/${ACME}\\?notice=link_invalid$`));
    await expect(stranger.getByText('That link is not valid any more.')).toBeVisible();
    await expect(stranger.getByRole('region', { name: 'Your orders on this device' })).toHaveCount(0);
    // The same signature under another shop is refused too.
    await stranger.goto(link.replace(ACME, NORDIC));
    await expect(stranger).toHaveURL(new RegExp(`/t/${NORDIC}\\?notice=link_invalid$`));
    await fresh.close();
  });

  test('magic link from the outbox → history of every order → one order; the link works once; sign-out', async ({ page }) => {
    const lookup = new TrackingLookupPage(page);
    await lookup.goto(ACME);
    const started = Date.now();
    await lookup.requestLink(JANE);
    const outbox = new DevOutboxPage(page);
    await outbox.goto();
    const link = await outbox.newestSignInLink(JANE);
    expect(link).not.toMatch(/jane|%40/i);
    const shotStarted = Date.now();
    await shoot(page, 'outbox');
    const shotMs = Date.now() - shotStarted;
    await page.goto(link);
    const history = new OrderHistoryPage(page);
    await expect(page).toHaveURL(new RegExp(`/t/${ACME}/orders$`));
    await expect(history.orders.first()).toBeVisible();
    // Request → outbox → sign-in → history on screen (the screenshot time excluded).
    metrics.magicLinkRoundTripMs = Date.now() - started - shotMs;
    await expect(page.getByText('Signed in as j***@example.com')).toBeVisible();
    await shoot(page, 'history');
    const all = await history.orders.getByRole('link').allTextContents();
    while (await history.older.count()) {
      const before = page.url();
      await history.older.click();
      await page.waitForURL((url) => url.href !== before);
      all.push(...(await history.orders.getByRole('link').allTextContents()));
    }
    // Every order of Jane's in this shop, once, newest first across pages.
    expect(all).toEqual(['Order #1295', 'Order #1282', 'Order #1280', 'Order #1200', 'Order #1150', 'Order #1001']);
    await history.orderLink('#1001').click();
    await expect(new TrackingOrderPage(page).card('#1001')).toBeVisible();

    // Shop binding: the same browser sees nothing of Nordic Threads, where Jane also has an order.
    await page.goto(`/t/${NORDIC}/orders`);
    await expect(page.getByText(/signed in as j\*\*\*@example.com, but not for Nordic Threads/i)).toBeVisible();
    await expect(history.orders).toHaveCount(0);

    // Used twice: refused, and the way back leads to the shop it came from.
    const second = await page.context().browser()!.newContext();
    const again = await second.newPage();
    await again.goto(link);
    await expect(again.getByRole('heading', { name: 'This sign-in link is not valid any more' })).toBeVisible();
    expect(again.url()).not.toMatch(/token=/);
    await expect(again.getByRole('link', { name: 'Back to Acme Outdoors order status' })).toBeVisible();
    await second.close();

    await page.goto(`/t/${ACME}/orders`);
    await history.signOut.click();
    await expect(page).toHaveURL(new RegExp(`/t/${ACME}\\?notice=signed_out$`));
    await page.goto(`/t/${ACME}/orders`);
    await expect(page.getByRole('link', { name: 'Get a sign-in link' })).toBeVisible();
  });

  test('an expired magic link fails', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const lookup = new TrackingLookupPage(page);
    await lookup.goto(ACME);
    await lookup.requestLink('john@example.com');
    const outbox = new DevOutboxPage(page);
    await outbox.goto();
    const link = await outbox.newestSignInLink('john@example.com');
    const mail = outbox.newestMailTo('john@example.com');
    await expect(mail.getByText('Link active')).toBeVisible();
    await mail.getByRole('button', { name: 'Expire this link' }).click();
    await expect(mail.getByText('Link expired')).toBeVisible();
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'This sign-in link is not valid any more' })).toBeVisible();
    await page.goto(`/t/${ACME}/orders`);
    await expect(page.getByRole('link', { name: 'Get a sign-in link' })).toBeVisible();
    await context.close();
  });

  test('a wrong email gets the uniform failure, the same as an order that does not exist', async ({ page }) => {
    const lookup = new TrackingLookupPage(page);
    await lookup.goto(ACME);
    await lookup.lookUp('#1289', 'someone.else@example.com');
    await expect(lookup.lookupMessage).toHaveText(NOT_VERIFIED);
    // The typed values survive, so the shopper can fix a typo.
    await expect(lookup.orderNumber).toHaveValue('#1289');
    await expect(lookup.lookupMessage).toBeFocused();
    await shoot(page, 'failure');
    await lookup.lookUp('#99999', 'confirm.cora@example.com');
    await expect(lookup.lookupMessage).toHaveText(NOT_VERIFIED);
    expect(page.url()).toMatch(new RegExp(`/t/${ACME}$`));
  });

  test('order page: the date as headline over a stepper; delayed and failed deliveries say so and offer a person; a refund is said once', async ({ page }) => {
    const open = async (key: Parameters<typeof knownOrder>[0]) => {
      const order = knownOrder(key);
      const lookup = new TrackingLookupPage(page);
      await lookup.goto(ACME);
      await lookup.lookUp(order.name, order.email!);
      const card = new TrackingOrderPage(page).card(order.name);
      await expect(card).toBeVisible({ timeout: 20_000 });
      return card;
    };
    const moving = await open('acme.in_transit');
    const progress = moving.getByRole('region', { name: 'Progress' });
    await expect(progress.getByText(/^Estimated delivery /)).toBeVisible();
    await expect(progress.locator('[aria-current="step"]')).toHaveText('Shipped (current step)');
    await expect(moving.getByText('On its way', { exact: true })).toBeVisible();
    await expect(moving.getByRole('link', { name: ASK_A_PERSON })).toHaveCount(0);

    const stuck = await open('acme.stuck_in_transit');
    await expect(stuck.getByText('Delayed', { exact: true })).toBeVisible();
    await expect(stuck.getByText('On its way', { exact: true })).toHaveCount(0);
    await expect(stuck.getByRole('link', { name: ASK_A_PERSON })).toHaveAttribute('href', `mailto:${ACME_SUPPORT}`);
    await shoot(page, 'order-delayed');

    const failed = await open('acme.delivery_failure');
    await expect(failed.getByText('Delivery problem', { exact: true }).first()).toBeVisible();
    await expect(failed.getByRole('link', { name: ASK_A_PERSON })).toBeVisible();
    await expect(failed.getByRole('region', { name: 'Progress' }).locator('li', { hasText: 'held up' })).toHaveCount(1);
    await shoot(page, 'order-problem');

    const split = await open('acme.split_shipment');
    await expect(split.getByRole('region', { name: 'Progress' })).toBeVisible();
    await expect(split.getByRole('list', { name: 'Packages' }).locator(':scope > li')).toHaveCount(2);
    await shoot(page, 'order-split');

    const refunded = await open('acme.partially_refunded');
    await expect(refunded.getByText(/has been issued/)).toHaveCount(1);
    const cancelled = await open('acme.cancelled');
    await expect(cancelled.getByRole('region', { name: 'Progress' })).toHaveCount(0);
    await expect(cancelled.getByText(/has been issued/)).toHaveCount(1);
    await shoot(page, 'order-cancelled');
  });

  test('warns when one try is left, then pauses the form with a live countdown and offers the other ways in', async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.90' } });
    const page = await context.newPage();
    const lookup = new TrackingLookupPage(page);
    await lookup.goto(ACME);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await lookup.lookUp('#1292', `guess${attempt}@example.com`);
      await expect(lookup.lookupMessage).toHaveText(NOT_VERIFIED);
      await expect(lookup.lookup.getByRole('link', { name: 'Email me a link instead' })).toHaveCount(0);
    }
    await lookup.lookUp('#1292', 'guess4@example.com');
    await expect(lookup.lookupMessage).toHaveText(`${NOT_VERIFIED} ${LAST_TRY}`);
    await expect(lookup.lookup.getByRole('link', { name: 'Email me a link instead' })).toBeVisible();
    await shoot(page, 'last-try');

    await lookup.lookUp('#1292', 'guess5@example.com');
    await expect(lookup.lookupMessage).toHaveText(new RegExp(`Too many attempts\\. For your security, please try again in \\d+ minutes?\\.$`));
    // The form is paused for the lockout: nothing can be typed or sent, and the time left counts down.
    await expect(lookup.findButton).toBeDisabled();
    await expect(lookup.orderNumber).toBeDisabled();
    await expect(lookup.email).toBeDisabled();
    const timer = lookup.lookup.getByRole('timer');
    await expect(timer).toHaveText(/^You can try again in \d+:\d\d\.$/);
    const first = await timer.textContent();
    await expect.poll(() => timer.textContent(), { timeout: 5_000 }).not.toBe(first);
    // A person (no support address in the demo: the chat's hand-off) and the magic link as the other way in.
    await expect(lookup.lookup.getByRole('link', { name: ASK_A_PERSON })).toHaveAttribute('href', `mailto:${ACME_SUPPORT}`);
    await shoot(page, 'locked');
    await lookup.lookup.getByRole('link', { name: 'Email me a link instead' }).click();
    await expect(lookup.historyEmail).toBeFocused();
    await lookup.requestLink(JANE);

    // A reload does not get around the pause: the right email is refused while locked.
    await lookup.goto(ACME);
    await lookup.lookUp('#1292', 'label.liam@example.com');
    await expect(lookup.lookupMessage).toHaveText(/^Too many attempts\. For your security, please try again in \d+ minutes?\.$/);
    await expect(lookup.findButton).toBeDisabled();
    await context.close();
  });

  test('the warning and the lockout read and behave the same whether or not the order exists or the email matches', async ({ browser }) => {
    const observe = async (address: string, orderNumber: string, emails: string[]) => {
      const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address } });
      const lookup = new TrackingLookupPage(await context.newPage());
      await lookup.goto(ACME);
      const seen = [];
      for (const email of emails) {
        await lookup.lookUp(orderNumber, email);
        await expect(lookup.lookupMessage).toBeVisible();
        seen.push({
          message: (await lookup.lookupMessage.textContent())?.replace(/\d+ minutes?/, 'N minutes'),
          disabled: await lookup.findButton.isDisabled(),
          timer: await lookup.lookup.getByRole('timer').count(),
          magicLink: await lookup.lookup.getByRole('link', { name: 'Email me a link instead' }).count(),
          contact: await lookup.lookup.getByRole('link', { name: ASK_A_PERSON }).count(),
          url: new URL(lookup.page.url()).pathname,
        });
      }
      await context.close();
      return seen;
    };
    const guesses = (prefix: string) => [1, 2, 3, 4, 5].map((n) => `${prefix}${n}@example.com`);
    // A real order with wrong emails, an order number that does not exist, and a real order with a malformed email.
    const realOrder = await observe('203.0.113.91', '#1294', guesses('wrong'));
    const noOrder = await observe('203.0.113.92', '#99998', guesses('wrong'));
    const malformed = await observe('203.0.113.93', '#1296', ['a@', 'b@', 'c@', 'd@', 'e@']);
    expect(realOrder.at(3)?.message).toContain(LAST_TRY);
    expect(realOrder.at(4)).toMatchObject({ disabled: true, timer: 1, magicLink: 1, contact: 1 });
    expect(noOrder).toEqual(realOrder);
    expect(malformed).toEqual(realOrder);
  });
});
