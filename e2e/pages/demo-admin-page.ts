import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { APP_URL, SHOP_URL } from './storefront-page';

/** The demo shop's stand-in for Shopify admin's app page, framing the app's embedded dashboard. */
export class DemoAdminPage {
  readonly frame: FrameLocator;
  readonly frameElement: Locator;

  constructor(readonly page: Page) {
    this.frameElement = page.locator('iframe[title="Order Status Agent"]');
    this.frame = page.frameLocator('iframe[title="Order Status Agent"]');
  }

  static url(shop: string, options: { staff?: number } = {}): string {
    const handle = shop.replace(/\.myshopify\.com$/, '');
    const query = new URLSearchParams({ app: APP_URL, ...(options.staff ? { staff: String(options.staff) } : {}) });
    return `${SHOP_URL}/store/${handle}/apps/demo-client-id?${query.toString()}`;
  }

  async goto(shop: string, options: { staff?: number } = {}): Promise<void> {
    await this.page.goto(DemoAdminPage.url(shop, options));
    await expect(this.frameElement).toBeVisible();
  }

  heading(name: string | RegExp): Locator {
    return this.frame.getByRole('heading', { level: 1, name });
  }

  /** A link admin shows in its own navigation (from the app's `ui-nav-menu`). */
  adminNavLink(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name });
  }
}
