import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** The chat iframe's page (/widget/{shop}), embedded (FrameLocator) or opened directly (Page). */
export class ChatWidget {
  readonly log: Locator;
  readonly input: Locator;
  readonly sendButton: Locator;
  readonly closeButton: Locator;
  readonly typing: Locator;

  constructor(readonly root: FrameLocator | Page) {
    this.log = root.getByRole('log', { name: 'Conversation' });
    this.input = root.getByRole('textbox', { name: 'Message' });
    this.sendButton = root.getByRole('button', { name: 'Send', exact: true });
    this.closeButton = root.getByRole('button', { name: 'Close chat' });
    this.typing = root.getByText(/is typing/);
  }

  /** Waits for the greeting, so the conversation exists before anything is typed. */
  /** Waits for the greeting; `greeting` matches it in the conversation's language (English by default). */
  async waitUntilReady(greeting: RegExp = /order/i): Promise<void> {
    await expect(this.input).toBeEnabled({ timeout: 20_000 });
    await expect(this.log.getByText(greeting).first()).toBeVisible();
  }

  /** Types a message, sends it and waits until the agent's answer is complete (typing indicator gone). */
  async send(text: string): Promise<void> {
    const before = await this.agentMessages().count();
    await this.input.fill(text);
    await this.sendButton.click();
    await expect(this.log.locator('[data-role="shopper"]').last()).toContainText(text);
    await expect.poll(() => this.agentMessages().count(), { timeout: 20_000 }).toBeGreaterThan(before);
    await expect(this.typing).toBeHidden({ timeout: 20_000 });
  }

  /** Agent messages (the container carries `data-role`; roles would not tell shopper and agent bubbles apart). */
  agentMessages(): Locator {
    return this.log.locator('[data-role="agent"]');
  }

  orderCard(orderName: string): Locator {
    return this.log.getByRole('article', { name: `Order ${orderName}` });
  }

  handoff(): Locator {
    return this.log.getByRole('region', { name: 'Request sent to our team' });
  }
}
