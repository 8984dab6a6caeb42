import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { knownOrder } from '../demo-shop/seed/known-orders';

/**
 * The shopper pages and the widget chrome in the shopper's language (issue 14): negotiated from Accept-Language,
 * the storefront locale (`?locale=`) and the switcher's choice (`?lang=`, kept in a session cookie), limited to the
 * languages the shop publishes. Screenshots at phone width for German and Japanese land in test-results/i18n.
 */
const ACME = 'acme-outdoors.myshopify.com';
const NORDIC = 'nordic-threads.myshopify.com';
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'test-results/i18n';
const inTransit = knownOrder('acme.in_transit');

/** A phone-sized browser whose language is `locale` (Chromium sends it as Accept-Language). */
async function shopperIn(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale });
  return context.newPage();
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  // Long German compounds and Japanese lines wrap: nothing scrolls sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

async function lookUp(page: Page, orderNumber: string, email: string, submit: string): Promise<void> {
  const lookup = page.locator('#main form').first();
  await lookup.locator('#orderReference').fill(orderNumber);
  await lookup.locator('#email').fill(email);
  await page.getByRole('button', { name: submit }).click();
  await page.waitForURL(/\/orders\/\d+$/);
}

test('German from Accept-Language: the lookup, the order page with German dates, and the widget chrome', async ({ browser }) => {
  const page = await shopperIn(browser, 'de-DE');
  await page.goto(`/t/${ACME}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1, name: 'Bestellung verfolgen' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Bestellnummer' })).toBeVisible();
  await shoot(page, 'lookup-de');

  await lookUp(page, inTransit.name, inTransit.email!, 'Bestellung finden');
  await expect(page.getByRole('heading', { level: 1, name: `${inTransit.firstName}, hier ist deine Bestellung` })).toBeVisible();
  const card = page.getByRole('article', { name: `Bestellung ${inTransit.name}` });
  await expect(card.getByText('Versanddienst', { exact: true })).toBeVisible();
  // Dates in German (`5. Dez. 2026, 00:57 GMT-5`), in the shop's zone, in the timeline.
  const timeline = card.getByRole('list', { name: 'Bestellverlauf, neueste Ereignisse zuerst' });
  await expect(timeline.locator('time').first()).toHaveText(/^\d{1,2}\. (Jan|Feb|März|Apr|Mai|Juni|Juli|Aug|Sept|Okt|Nov|Dez)\.? \d{4}, \d{2}:\d{2}/);
  await expect(page.getByRole('link', { name: /Bei .+ verfolgen/ })).toBeVisible();
  await shoot(page, 'order-de');

  await page.goto(`/widget/${ACME}`);
  await expect(page.getByRole('textbox', { name: 'Nachricht' })).toHaveAttribute('placeholder', 'Nachricht eingeben');
  await expect(page.getByRole('button', { name: 'Senden' })).toBeVisible();
  await page.getByRole('log', { name: 'Unterhaltung' }).locator('[data-role="agent"]').first().waitFor();
  await shoot(page, 'widget-de');
  await page.context().close();
});

test('Japanese by the switcher: the choice sticks for the session, dates and the widget follow it', async ({ browser }) => {
  const page = await shopperIn(browser, 'en-US');
  await page.goto(`/t/${ACME}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Track your order' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
  await page.getByRole('button', { name: 'Change language' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ご注文の追跡' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');

  // A fresh URL without ?lang= keeps Japanese: the session cookie holds the choice.
  await page.goto(`/t/${ACME}`);
  await expect(page.getByRole('heading', { level: 1, name: 'ご注文の追跡' })).toBeVisible();
  await shoot(page, 'lookup-ja');

  await lookUp(page, inTransit.name, inTransit.email!, '注文を検索');
  const card = page.getByRole('article', { name: `注文 ${inTransit.name}` });
  await expect(card.getByRole('list', { name: '注文履歴（新しい順）' }).locator('time').first()).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日/);
  await shoot(page, 'order-ja');

  // The widget in the same session speaks Japanese too, whatever the storefront said.
  await page.goto(`/widget/${ACME}?locale=fr`);
  await expect(page.getByRole('button', { name: '送信' })).toBeVisible();
  await page.getByRole('log', { name: '会話' }).locator('[data-role="agent"]').first().waitFor();
  await shoot(page, 'widget-ja');
  await page.context().close();
});

test("the storefront's locale beats Accept-Language in the widget, and its switcher keeps the conversation fragment", async ({ browser }) => {
  const page = await shopperIn(browser, 'de-DE');
  await page.goto(`/widget/${ACME}?locale=fr#origin=${encodeURIComponent('https://example.com')}`);
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveAttribute('placeholder', 'Écrivez votre message');
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('es');
  await page.getByRole('button', { name: 'Changer de langue' }).click();
  await expect(page.getByRole('button', { name: 'Enviar' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('lang')).toBe('es');
  expect(new URL(page.url()).hash).toBe(`#origin=${encodeURIComponent('https://example.com')}`);
  await page.context().close();
});

test("only the shop's published languages: a Swedish shop answers a Japanese browser in English and offers English and German", async ({ browser }) => {
  const page = await shopperIn(browser, 'ja-JP');
  await page.goto(`/t/${NORDIC}?lang=ja`);
  await expect(page.getByRole('heading', { level: 1, name: 'Track your order' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const options = await page
    .getByRole('combobox', { name: 'Language' })
    .locator('option')
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLOptionElement).value));
  expect(options).toEqual(['en', 'de']);
  await page.context().close();
});

test('a shop we do not serve answers 404 in the shopper’s language, on the tracking page and in the chat iframe', async ({ browser }) => {
  const page = await shopperIn(browser, 'fr-FR');
  for (const path of ['/t/no-such-shop.myshopify.com', '/widget/no-such-shop.myshopify.com']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  }
  await page.context().close();
});
