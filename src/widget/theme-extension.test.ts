import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EXTENSION_DIR, createExtensionEngine, readBlockSchema, renderBlock, type ShopifyStorefront } from './render-theme-block';

// The theme app extension (extensions/order-status) rendered by a real Liquid engine with the objects Shopify
// gives a block, then the loader (public/widget.js) run in Chromium on a page holding the rendered tags.
const SHOP = 'acme-outdoors.myshopify.com';
const APP = 'https://orders.example.com';
const storefront = (locale = 'pt-BR', designMode = false): ShopifyStorefront => ({
  shop: { permanent_domain: SHOP, name: 'Acme Outdoors' },
  request: { locale: { iso_code: locale }, design_mode: designMode },
});
const embed = (settings: Record<string, unknown>, locale?: string, designMode?: boolean) =>
  renderBlock('chat-embed', storefront(locale, designMode), {
    id: 'AaBbCc__order_status_chat_embed_x1Y2z3',
    settings: { launcher_color: '#1d4ed8', ...settings },
  });
const TRACK_ID = 'AZ1x0__order_status_track_order_Qm7Lp2';
const track = (settings: Record<string, unknown>, designMode?: boolean) => renderBlock('track-order', storefront('en', designMode), { id: TRACK_ID, settings });
/** Opening tags of one element name, exactly as emitted. */
const tags = (html: string, name: string) => html.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];

describe('app embed block "Order status chat" (target: body)', () => {
  it('emits exactly one loader tag with the shop, the storefront locale and the launcher colour', async () => {
    expect(await embed({ app_url: `${APP}/` })).toBe(
      `<script src="${APP}/widget.js" data-shop="${SHOP}" data-locale="pt-BR" data-color="#1d4ed8" async></script>`,
    );
    expect(await embed({ app_url: `  ${APP}  ` }, 'fr')).toBe(
      `<script src="${APP}/widget.js" data-shop="${SHOP}" data-locale="fr" data-color="#1d4ed8" async></script>`,
    );
  });

  it('emits nothing for an app URL that is not plain http(s), and says why only in the theme editor', async () => {
    for (const app_url of [
      '',
      'javascript:alert(1)//',
      'data:text/html,x',
      '//orders.example.com',
      `${APP}/"><img src=x onerror=alert(1)>`,
      `${APP}?x=1`,
      'orders.example.com',
    ]) {
      expect(await embed({ app_url }), app_url).toBe('');
    }
    expect(await embed({ app_url: '' }, 'en', true)).toBe(
      '<!-- Order Status Agent: set the App URL of the "Order status chat" embed to show the chat launcher. -->',
    );
  });

  it("uses the deployment's app URL from snippets/app-url.liquid when the block setting is empty", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'osa-extension-'));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    appendFileSync(path.join(dir, 'snippets', 'app-url.liquid'), `${APP}/\n`);
    const engine = createExtensionEngine(dir);
    const block = { id: 'x', settings: { app_url: '', launcher_color: '#000000' } };
    expect(await renderBlock('chat-embed', storefront('en'), block, engine)).toBe(
      `<script src="${APP}/widget.js" data-shop="${SHOP}" data-locale="en" data-color="#000000" async></script>`,
    );
    // The merchant's own setting wins.
    expect(
      await renderBlock('chat-embed', storefront('en'), { ...block, settings: { ...block.settings, app_url: 'https://other.example' } }, engine),
    ).toContain('src="https://other.example/widget.js"');
    rmSync(dir, { recursive: true, force: true });
  });

  it('escapes what Shopify passes through into attributes (liquidjs writes " as &#34;, Shopify as &quot;)', async () => {
    const html = await embed({ app_url: APP, launcher_color: '"><script>' }, 'x" onload="alert(1)');
    expect(tags(html, 'script')).toEqual([
      `<script src="${APP}/widget.js" data-shop="${SHOP}" data-locale="x&#34; onload=&#34;alert(1)" data-color="&#34;&gt;&lt;script&gt;" async>`,
    ]);
  });
});

describe('app block "Track your order" (target: section)', () => {
  it('emits a labelled order number + email form posting to the hosted tracking page, and a link to it', async () => {
    const html = await track({ app_url: APP });
    const id = `osa-track-${TRACK_ID}`;
    expect(tags(html, 'form')).toEqual([
      `<form class="osa-track__form" action="${APP}/t/${SHOP}/lookup" method="post" accept-charset="UTF-8" aria-labelledby="${id}-heading">`,
    ]);
    expect(tags(html, 'label')).toEqual([`<label class="osa-track__label" for="${id}-order">`, `<label class="osa-track__label" for="${id}-email">`]);
    expect(tags(html, 'input')).toEqual([
      `<input class="osa-track__input" id="${id}-order" name="orderReference" type="text" autocomplete="off" spellcheck="false" required maxlength="200" aria-describedby="${id}-order-hint">`,
      `<input class="osa-track__input" id="${id}-email" name="email" type="email" autocomplete="email" spellcheck="false" required maxlength="320" aria-describedby="${id}-email-hint">`,
    ]);
    expect(tags(html, 'button')).toEqual(['<button class="osa-track__button" type="submit">']);
    expect(tags(html, 'a')).toEqual([`<a href="${APP}/t/${SHOP}">`]);
    // Every label, hint and heading the attributes point at exists once.
    for (const target of [`${id}-heading`, `${id}-order`, `${id}-email`, `${id}-order-hint`, `${id}-email-hint`]) {
      expect(html.match(new RegExp(`id="${target}"`, 'g')), target).toHaveLength(1);
    }
    expect(html).toContain('>Order number</label>');
    expect(html).toContain('>Email</label>');
    expect(html).toContain('>Find my order</button>');
    // Field names are the ones the hosted page's lookup reads.
    expect(html).not.toContain('translation missing');
  });

  it('renders nothing on the storefront without an app URL, and a setup hint in the theme editor', async () => {
    expect(await track({ app_url: 'javascript:alert(1)' })).toBe('');
    expect(await track({}, true)).toMatch(/^<p class="osa-track__setup" >Track your order: set the App URL/);
  });
});

describe('extension files', () => {
  it('is a theme extension with one body embed and one section block whose schema Shopify accepts', () => {
    const toml = readFileSync(path.join(EXTENSION_DIR, 'shopify.extension.toml'), 'utf8');
    expect(toml).toMatch(/^type = "theme"$/m);
    expect(toml).toMatch(/^name = "[a-z0-9-]+"$/m);
    const embedSchema = readBlockSchema('chat-embed');
    const trackSchema = readBlockSchema('track-order');
    expect(embedSchema).toMatchObject({ name: 'Order status chat', target: 'body' });
    expect(trackSchema).toMatchObject({ name: 'Track your order', target: 'section', stylesheet: 'track-order.css' });
    for (const schema of [embedSchema, trackSchema]) {
      // Shopify caps block names at 25 characters; setting ids must be unique.
      expect((schema.name as string).length).toBeLessThanOrEqual(25);
      const ids = (schema.settings as { id: string }[]).map((setting) => setting.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(existsSync(path.join(EXTENSION_DIR, 'assets', 'track-order.css'))).toBe(true);
    // Theme app extension blocks may not use these tags (theme-check AppBlockValidTags).
    for (const block of ['chat-embed', 'track-order']) {
      const source = readFileSync(path.join(EXTENSION_DIR, 'blocks', `${block}.liquid`), 'utf8');
      expect(source).not.toMatch(/\{%-?\s*(javascript|stylesheet|include|layout|section|sections)\b/);
    }
  });
});

describe('the loader accepts what the embed passes (Chromium)', () => {
  let browser: Browser;
  const loader = readFileSync(path.resolve(import.meta.dirname, '../../public/widget.js'), 'utf8');

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A storefront page at https://{SHOP}/ holding the rendered tag; the app origin serves widget.js and the chat page. */
  async function storefrontWith(tag: string): Promise<{ page: Page; chatRequests: string[] }> {
    const page = await browser.newPage();
    const chatRequests: string[] = [];
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === `https://${SHOP}/`)
        return route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="pt-BR"><head><title>Acme</title></head><body><main><h1>Acme</h1></main>${tag}</body></html>`,
        });
      if (url === `${APP}/widget.js`) return route.fulfill({ contentType: 'text/javascript', body: loader });
      if (url.startsWith(`${APP}/widget/`)) {
        chatRequests.push(url);
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>chat</title><p>chat</p>' });
      }
      return route.abort();
    });
    await page.goto(`https://${SHOP}/`);
    return { page, chatRequests };
  }

  it('opens the chat iframe for the shop with the storefront locale as a query parameter', async () => {
    const { page, chatRequests } = await storefrontWith(await embed({ app_url: APP }));
    const launcher = page.getByRole('button', { name: 'Chat about your order' });
    await launcher.click();
    const frame = page.locator('iframe[title="Chat about your order"]');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toBe(`${APP}/widget/${SHOP}?locale=pt-BR#origin=${encodeURIComponent(`https://${SHOP}`)}`);
    await expect.poll(() => chatRequests).toEqual([`${APP}/widget/${SHOP}?locale=pt-BR`]);
    await page.close();
  });

  it('drops a locale that is not a language tag and still opens the chat', async () => {
    for (const locale of ['x" onload="alert(1)', 'en_US', '../../admin', 'toolonglanguage']) {
      const { page } = await storefrontWith(await embed({ app_url: APP }, locale));
      await page.getByRole('button', { name: 'Chat about your order' }).click();
      const src = await page.locator('iframe[title="Chat about your order"]').getAttribute('src');
      expect(src, locale).toBe(`${APP}/widget/${SHOP}#origin=${encodeURIComponent(`https://${SHOP}`)}`);
      await page.close();
    }
  });
});
