/**
 * Webhook subscriptions per shop and app, as Shopify keeps them: one per (app, topic, address), listed only to
 * the app that made them, and the only addresses webhooks are delivered to.
 *
 * Shopify refuses plain `http://` addresses. The demo shop runs on this machine and the demo app is on
 * `http://localhost`, so by default it accepts http only for loopback hosts (localhost, 127.0.0.1, [::1]);
 * every other http address is refused with Shopify's userError, as on Shopify. `allowLoopbackHttp: false`
 * refuses those as well, exactly like Shopify.
 */

export interface WebhookSubscriptionRecord {
  id: number;
  shop: string;
  /** The API client that created it (the demo app is `DEMO_APP`). */
  app: string;
  /** GraphQL enum value, e.g. `ORDERS_CREATE`. */
  topic: string;
  callbackUrl: string;
  format: 'JSON' | 'XML';
  includeFields: string[];
  filter: string | null;
  createdAt: string;
  updatedAt: string;
}

export type SubscriptionInput = { callbackUrl?: string | null; format?: 'JSON' | 'XML' | null; includeFields?: string[] | null; filter?: string | null };
export type UserError = { field: string[] | null; message: string };
export type SubscriptionOutcome = { subscription: WebhookSubscriptionRecord | null; userErrors: UserError[] };

/** Every token the demo shop issues belongs to the one app the demo serves. */
export const DEMO_APP = 'demo-app';

const CALLBACK_FIELD = ['webhookSubscription', 'callbackUrl'];
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `ORDERS_PARTIALLY_FULFILLED` ↔ `orders/partially_fulfilled`. */
export const topicEnum = (topic: string): string => topic.replace(/\//g, '_').toUpperCase();

export class WebhookSubscriptionRegistry {
  private records: WebhookSubscriptionRecord[] = [];
  private nextId = 1_480_000_000_001;

  constructor(private readonly options: { allowLoopbackHttp: boolean }) {}

  clear(): void {
    this.records = [];
  }

  list(shop: string, app: string): WebhookSubscriptionRecord[] {
    return this.records.filter((r) => r.shop === shop && r.app === app);
  }

  /** Every app's subscriptions to a topic (`orders/cancelled` form): where a delivery goes. */
  forTopic(shop: string, topic: string): WebhookSubscriptionRecord[] {
    return this.records.filter((r) => r.shop === shop && r.topic === topicEnum(topic));
  }

  find(shop: string, app: string, id: number): WebhookSubscriptionRecord | undefined {
    return this.records.find((r) => r.shop === shop && r.app === app && r.id === id);
  }

  create(shop: string, app: string, topic: string, input: SubscriptionInput, nowMs: number): SubscriptionOutcome {
    if (!input.callbackUrl) return refused([{ field: CALLBACK_FIELD, message: "Address can't be blank" }]);
    const problem = this.checkAddress(input.callbackUrl) ?? this.checkTaken(shop, app, topic, input.callbackUrl, null);
    if (problem) return refused([problem]);
    const at = new Date(nowMs).toISOString();
    const record: WebhookSubscriptionRecord = {
      id: this.nextId++,
      shop,
      app,
      topic,
      callbackUrl: input.callbackUrl,
      format: input.format ?? 'JSON',
      includeFields: input.includeFields ?? [],
      filter: input.filter ?? null,
      createdAt: at,
      updatedAt: at,
    };
    this.records.push(record);
    return { subscription: record, userErrors: [] };
  }

  update(shop: string, app: string, id: number, input: SubscriptionInput, nowMs: number): SubscriptionOutcome {
    const record = this.find(shop, app, id);
    if (!record) return refused([{ field: ['id'], message: 'Webhook subscription does not exist' }]);
    if (input.callbackUrl != null) {
      const problem = this.checkAddress(input.callbackUrl) ?? this.checkTaken(shop, app, record.topic, input.callbackUrl, id);
      if (problem) return refused([problem]);
      record.callbackUrl = input.callbackUrl;
    }
    if (input.format != null) record.format = input.format;
    if (input.includeFields != null) record.includeFields = input.includeFields;
    if (input.filter !== undefined) record.filter = input.filter || null;
    record.updatedAt = new Date(nowMs).toISOString();
    return { subscription: record, userErrors: [] };
  }

  delete(shop: string, app: string, id: number): { deletedId: number | null; userErrors: UserError[] } {
    const record = this.find(shop, app, id);
    if (!record) return { deletedId: null, userErrors: [{ field: ['id'], message: 'Webhook subscription does not exist' }] };
    this.records = this.records.filter((r) => r !== record);
    return { deletedId: id, userErrors: [] };
  }

  private checkAddress(address: string): UserError | null {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      return { field: CALLBACK_FIELD, message: 'Address is invalid' };
    }
    if (url.protocol === 'https:') return null;
    if (url.protocol === 'http:' && this.options.allowLoopbackHttp && LOOPBACK.has(url.hostname)) return null;
    return { field: CALLBACK_FIELD, message: `Address protocol ${url.protocol}// is not supported` };
  }

  private checkTaken(shop: string, app: string, topic: string, address: string, exceptId: number | null): UserError | null {
    const taken = this.records.some((r) => r.shop === shop && r.app === app && r.topic === topic && r.callbackUrl === address && r.id !== exceptId);
    return taken ? { field: CALLBACK_FIELD, message: 'Address for this topic has already been taken' } : null;
  }
}

function refused(userErrors: UserError[]): SubscriptionOutcome {
  return { subscription: null, userErrors };
}
