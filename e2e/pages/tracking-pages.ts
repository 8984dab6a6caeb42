import { expect, type Locator, type Page } from '@playwright/test';

/** `/t/{shop}`: the lookup form and the "email me a link" form. */
export class TrackingLookupPage {
  readonly lookup: Locator;
  readonly orderNumber: Locator;
  readonly email: Locator;
  readonly findButton: Locator;
  readonly lookupMessage: Locator;
  readonly history: Locator;
  readonly historyEmail: Locator;
  readonly sendLinkButton: Locator;
  readonly historyStatus: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.lookup = page.getByRole('region', { name: 'Look up an order' });
    this.orderNumber = this.lookup.getByRole('textbox', { name: 'Order number' });
    this.email = this.lookup.getByRole('textbox', { name: 'Email' });
    this.findButton = this.lookup.getByRole('button', { name: 'Find my order' });
    this.lookupMessage = this.lookup.getByRole('alert');
    this.history = page.getByRole('region', { name: 'Email me a link to all my orders' });
    this.historyEmail = this.history.getByRole('textbox', { name: 'Email' });
    this.sendLinkButton = this.history.getByRole('button', { name: 'Email me a link' });
    this.historyStatus = this.history.getByRole('status');
    this.notice = page.getByRole('main').getByRole('status').first();
  }

  async goto(shop: string): Promise<void> {
    await this.page.goto(`/t/${shop}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Track your order' })).toBeVisible();
    // Let the form hydrate: a click before that is a plain form post (which works, but reloads the page).
    await this.page.waitForLoadState('networkidle');
  }

  /** Fills and submits the form, and waits for the server's answer (a message or a navigation). */
  async lookUp(orderNumber: string, email: string): Promise<void> {
    await this.orderNumber.fill(orderNumber);
    await this.email.fill(email);
    const answered = this.page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname.startsWith('/t/'));
    await this.findButton.click();
    await answered;
  }

  async requestLink(email: string): Promise<void> {
    await this.historyEmail.fill(email);
    await this.sendLinkButton.click();
    await expect(this.historyStatus).toContainText('a sign-in link is on its way');
  }
}

/** `/t/{shop}/orders/{id}`: one order with shipments and timeline. */
export class TrackingOrderPage {
  constructor(readonly page: Page) {}

  card(orderName: string): Locator {
    return this.page.getByRole('article', { name: `Order ${orderName}` });
  }

  timeline(): Locator {
    return this.page.getByRole('list', { name: 'Order timeline, newest first' });
  }
}

/** `/t/{shop}/orders`: the magic-link order history. */
export class OrderHistoryPage {
  readonly orders: Locator;
  readonly signOut: Locator;
  readonly older: Locator;

  constructor(readonly page: Page) {
    this.orders = page.getByRole('list', { name: 'Orders, newest first' }).getByRole('listitem');
    this.signOut = page.getByRole('button', { name: 'Sign out' });
    this.older = page.getByRole('link', { name: 'Older orders' });
  }

  orderLink(orderName: string): Locator {
    return this.page.getByRole('link', { name: `Order ${orderName}`, exact: true });
  }
}

/** `/dev/outbox`: stored mail, newest first. */
export class DevOutboxPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/dev/outbox');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Dev outbox' })).toBeVisible();
  }

  newestMailTo(email: string): Locator {
    return this.page.getByRole('article', { name: new RegExp(`^Mail to ${email.replace(/[.+]/g, '\\$&')}:`) }).first();
  }

  /** The sign-in URL in the newest mail to this address. */
  async newestSignInLink(email: string): Promise<string> {
    const link = this.newestMailTo(email).getByRole('link', { name: /\/api\/auth\/callback\/email/ });
    return (await link.getAttribute('href'))!;
  }
}
