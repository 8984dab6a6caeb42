import type { ShopLocales } from '../i18n/negotiate-locale';

/** The gateways the webhook handlers use; src/server/webhooks/webhook-deps.ts wires them to the services. */

export type WebhookShop = { id: string; domain: string; installedAt: Date; uninstalledAt: Date | null };

/** One shopper of one shop, as a compliance webhook names them. Every field optional except the order list. */
export type ShopperSubject = {
  customerId: string | null;
  /** Keyed hash of the normalised email (the same hash verification writes), or null when there is no usable email. */
  emailHash: string | null;
  orderIds: string[];
};

export type RedactionCounts = { snapshots: number; auditEventsAnonymised: number; grants: number; conversations: number };

/** Snapshot rows that belong to a shopper: their order ids and names, so cached copies can be dropped too. */
export type ShopperOrderRef = { orderId: string; orderName: string };

export type CustomerDataExport = {
  shopDomain: string;
  dataRequestId: string | null;
  customerId: string | null;
  generatedAt: string;
  orders: { orderId: string; orderName: string; fetchedAt: string; view: unknown }[];
  auditEvents: { count: number; first: string | null; last: string | null };
  grants: { kind: string; door: string; createdAt: string; expiresAt: string }[];
};

export type WebhookDeps = {
  /** The app's client secret: signs every webhook of shops without their own secret. */
  appSecret: string;
  shops: {
    findShopByDomain(domain: string): Promise<WebhookShop | null>;
    /** The shop's own webhook secret (custom apps), or null. */
    getWebhookSecret(shop: Pick<WebhookShop, 'id'>): Promise<string | null>;
    markShopUninstalled(domain: string, at: Date): Promise<boolean>;
    /** Deletes the shop row; snapshots, grants and audit rows go with it (foreign keys cascade). */
    deleteShop(shopId: string): Promise<boolean>;
  };
  deliveries: {
    /** Records a webhook id; false when it was already recorded (a duplicate delivery). */
    claim(delivery: { webhookId: string; shopDomain: string; topic: string }): Promise<boolean>;
    /** Forgets a claim so Shopify's retry is processed (used when processing failed). */
    release(webhookId: string): Promise<void>;
  };
  privacy: {
    /** Names of snapshot rows for these orders (any id spelling: numeric or GID). */
    findOrderNames(shopId: string, orderIds: string[]): Promise<string[]>;
    deleteShopGrants(shopId: string): Promise<number>;
    /** Erases the shopper's snapshots and grants and anonymises their audit rows, in one transaction. */
    /** Erases the shopper's snapshots, grants and the conversations of the sessions holding those grants; anonymises audit rows. */
    redactShopper(shopId: string, subject: ShopperSubject): Promise<{ counts: RedactionCounts; orders: ShopperOrderRef[] }>;
    collectShopperData(shopId: string, subject: ShopperSubject): Promise<Pick<CustomerDataExport, 'orders' | 'auditEvents' | 'grants'>>;
  };
  /** Removes the shopper's sign-in account (magic links), which is kept by email, not by shop. */
  eraseSignInAccount?: (email: string) => Promise<number>;
  /** Hands a data export to the merchant (today: one structured log line; later: an email). */
  deliverDataExport(data: CustomerDataExport): Promise<void>;
  cache: { delete(key: string): Promise<void> };
  /** Reads the shop's storefront languages from Shopify and stores them (null: Shopify named no primary locale). */
  locales: { refresh(shop: WebhookShop): Promise<ShopLocales | null> };
  /** keyedHash(normalizeEmail(email)) with the audit-hash key, or null when the email is not a valid address. */
  hashEmail(email: string): string | null;
  logger: {
    info(message: string, fields?: Record<string, unknown>): void;
    warn(message: string, fields?: Record<string, unknown>): void;
    error(message: string, fields?: Record<string, unknown>): void;
  };
  now: () => Date;
};

/** What the route turns into an HTTP response. */
export type WebhookResult = { status: number; body: Record<string, unknown> };

/** Ids as stored elsewhere may be the numeric legacy id or the GraphQL GID; webhooks carry the numeric one. */
export function orderIdVariants(orderId: string): string[] {
  return [orderId, `gid://shopify/Order/${orderId}`];
}

export function customerIdVariants(customerId: string): string[] {
  return [customerId, `gid://shopify/Customer/${customerId}`];
}
