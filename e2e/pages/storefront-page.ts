import { expect, type Locator, type Page } from '@playwright/test';
import { ChatWidget } from './chat-widget';

export const APP_URL = `http://localhost:${process.env.E2E_APP_PORT ?? 3210}`;
export const SHOP_URL = `http://127.0.0.1:${process.env.E2E_SHOP_PORT ?? 4210}`;

/** The demo shop's storefront page (another origin than the app) with the loader script embedded. */
export class StorefrontPage {
  readonly launcher: Locator;
  readonly panelFrame: Locator;
  readonly widget: ChatWidget;

  constructor(readonly page: Page) {
    this.launcher = page.getByRole('button', { name: 'Chat about your order' });
    this.panelFrame = page.locator('iframe[title="Chat about your order"]');
    this.widget = new ChatWidget(page.frameLocator('iframe[title="Chat about your order"]'));
  }

  async goto(shop: string): Promise<void> {
    await this.page.goto(`${SHOP_URL}/storefront/${shop}?app=${encodeURIComponent(APP_URL)}`);
    await expect(this.launcher).toBeVisible();
  }

  async openChat(greeting?: RegExp): Promise<ChatWidget> {
    await this.launcher.click();
    await expect(this.panelFrame).toBeVisible();
    await this.widget.waitUntilReady(greeting);
    return this.widget;
  }
}
