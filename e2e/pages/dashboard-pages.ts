import { expect, type Locator, type Page } from '@playwright/test';

/** The merchant dashboard, as a merchant uses it. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async requestSignIn(email: string): Promise<void> {
    await this.page.goto('/dashboard');
    await this.page.getByLabel('Work email').fill(email);
    await this.page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(this.page.getByRole('status')).toContainText('sign-in link is on its way');
  }

  async gotoOverview(shop: string, day: string): Promise<void> {
    await this.page.goto(`/dashboard/${shop}?from=${day}&to=${day}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Where-is-my-order questions' })).toBeVisible();
  }

  get funnelTable(): Locator {
    return this.page.getByRole('table', { name: /^WISMO funnel/ });
  }

  /** The number of inquiries on one funnel step, read from the chart's text table. */
  async funnelStep(label: string): Promise<number> {
    const row = this.funnelTable.getByRole('row', { name: new RegExp(`^${label}`) });
    return Number((await row.getByRole('cell').nth(1).textContent())?.replace(/[^\d]/g, ''));
  }

  kpi(label: string): Locator {
    return this.page.locator('dl[aria-label="Key figures"] > div', { hasText: label });
  }

  async openTimeline(orderNumber: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Order timeline' }).click();
    await this.page.getByLabel('Order number').fill(orderNumber);
    await this.page.getByRole('button', { name: 'Show timeline' }).click();
  }
}
