import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { shops } from '../db/schema';
import { decryptSecret, encryptSecret } from '../crypto/secrets';
import type { ShopLocales } from '@/domain/i18n/negotiate-locale';
import type { SaveShopInput, Shop } from '@/domain/shops/shop';
import type { ShopCredentials } from '../shopify/admin-client';

export type ShopRepository = {
  /** Upsert by domain; a reinstall replaces the token and clears uninstalledAt, settings are kept. */
  saveShop(input: SaveShopInput): Promise<Shop>;
  findShopByDomain(domain: string): Promise<Shop | null>;
  findShopById(id: string): Promise<Shop | null>;
  /** Installed shops by default, oldest first. */
  listShops(options?: { includeUninstalled?: boolean }): Promise<Shop[]>;
  /** True when a shop with this domain existed. */
  markShopUninstalled(domain: string, at?: Date): Promise<boolean>;
  /** Decrypts the stored token. Throws when the shop is gone or the token cannot be decrypted. */
  getShopCredentials(shop: Pick<Shop, 'id'>): Promise<ShopCredentials>;
  /** The per-shop webhook secret (custom apps), or null when none is stored. */
  getWebhookSecret(shop: Pick<Shop, 'id'>): Promise<string | null>;
  /** Stores an order-name format seen on an order placed at `seenAt`, unless a newer order's is already stored. */
  learnOrderNameFormat(shop: Pick<Shop, 'id'>, format: { prefix: string; suffix: string }, seenAt: string): Promise<void>;
  /** Replaces the shop's storefront languages (settings.locales), as read from Shopify. */
  saveShopLocales(shop: Pick<Shop, 'id'>, locales: ShopLocales): Promise<void>;
};

/** The columns that make a `Shop` (never the sealed token or webhook secret). */
export const shopColumns = {
  id: shops.id,
  domain: shops.domain,
  name: shops.name,
  apiOrigin: shops.apiOrigin,
  scopes: shops.scopes,
  timezone: shops.timezone,
  currency: shops.currency,
  settings: shops.settings,
  installedAt: shops.installedAt,
  uninstalledAt: shops.uninstalledAt,
};

/** Shops over Drizzle; tokens and webhook secrets are sealed with `tokenKey` (AES-256-GCM) before they are written. */
export function createShopRepository(db: Database, tokenKey: Buffer): ShopRepository {
  const findOne = async (where: ReturnType<typeof eq>) => {
    const rows = await db.select(shopColumns).from(shops).where(where).limit(1);
    return rows[0] ?? null;
  };

  return {
    async saveShop(input) {
      const now = new Date();
      const sealedToken = encryptSecret(input.accessToken, tokenKey);
      const sealedWebhookSecret =
        input.webhookSecret === undefined ? undefined : input.webhookSecret === null ? null : encryptSecret(input.webhookSecret, tokenKey);
      const common = {
        name: input.name,
        apiOrigin: input.apiOrigin,
        accessTokenEncrypted: sealedToken,
        ...(sealedWebhookSecret !== undefined ? { webhookSecretEncrypted: sealedWebhookSecret } : {}),
        ...(input.scopes !== undefined ? { scopes: input.scopes } : {}),
        timezone: input.timezone,
        currency: input.currency,
        installedAt: now,
        uninstalledAt: null,
        updatedAt: now,
      };
      // The sample is the shop's newest order, so any order placed from now on may teach a newer format.
      const learned = input.orderNameFormat ? { orderNameFormat: input.orderNameFormat, orderNameFormatSeenAt: now.toISOString() } : {};
      const rows = await db
        .insert(shops)
        .values({ ...(input.id ? { id: input.id } : {}), domain: input.domain, ...common, settings: learned })
        // Merchant settings survive a reconnect; only what was learned from Shopify is refreshed.
        .onConflictDoUpdate({ target: shops.domain, set: { ...common, settings: sql`${shops.settings} || ${JSON.stringify(learned)}::jsonb` } })
        .returning(shopColumns);
      const row = rows[0];
      if (!row) throw new Error('saveShop: upsert returned no row');
      return row;
    },

    findShopByDomain: (domain) => findOne(eq(shops.domain, domain)),
    findShopById: async (id) => (isUuid(id) ? findOne(eq(shops.id, id)) : null),

    async listShops(options) {
      const query = db.select(shopColumns).from(shops);
      const filtered = options?.includeUninstalled ? query : query.where(isNull(shops.uninstalledAt));
      return filtered.orderBy(asc(shops.createdAt));
    },

    async markShopUninstalled(domain, at = new Date()) {
      const rows = await db.update(shops).set({ uninstalledAt: at, updatedAt: at }).where(eq(shops.domain, domain)).returning({ id: shops.id });
      return rows.length > 0;
    },

    async getShopCredentials(shop) {
      const rows = await db
        .select({ id: shops.id, domain: shops.domain, apiOrigin: shops.apiOrigin, sealed: shops.accessTokenEncrypted })
        .from(shops)
        .where(eq(shops.id, shop.id))
        .limit(1);
      const row = rows[0];
      if (!row) throw new Error(`Unknown shop ${shop.id}`);
      return { shopId: row.id, domain: row.domain, apiOrigin: row.apiOrigin, accessToken: decryptSecret(row.sealed, tokenKey) };
    },

    async learnOrderNameFormat(shop, format, seenAt) {
      const learned = JSON.stringify({ orderNameFormat: { prefix: format.prefix, suffix: format.suffix }, orderNameFormatSeenAt: seenAt });
      // The guard runs in the statement, so concurrent instances never step back to an older order's format.
      await db
        .update(shops)
        .set({ settings: sql`${shops.settings} || ${learned}::jsonb`, updatedAt: new Date() })
        .where(sql`${shops.id} = ${shop.id} and coalesce(${shops.settings}->>'orderNameFormatSeenAt', '') < ${seenAt}`);
    },

    async saveShopLocales(shop, locales) {
      const learned = JSON.stringify({ locales: { primary: locales.primary, published: locales.published } });
      await db
        .update(shops)
        .set({ settings: sql`${shops.settings} || ${learned}::jsonb`, updatedAt: new Date() })
        .where(eq(shops.id, shop.id));
    },

    async getWebhookSecret(shop) {
      const rows = await db.select({ sealed: shops.webhookSecretEncrypted }).from(shops).where(eq(shops.id, shop.id)).limit(1);
      const sealed = rows[0]?.sealed;
      return sealed ? decryptSecret(sealed, tokenKey) : null;
    },
  };
}

// Postgres rejects a malformed uuid literal with an error; an unknown id is simply "not found".
function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
