import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestServices } from '../../../test/support/test-services';
import type { Services } from '@/server/services';
import { shops } from '@/server/db/schema';
import { decryptSecret } from '@/server/crypto/secrets';
import { createShopRepository } from './shop-repository';

let services: Services;

beforeAll(async () => {
  services = await createTestServices();
});

afterAll(async () => {
  await services.close();
});

const TOKEN = 'shpat_secret_token_0123456789abcdef';
const base = {
  domain: 'repo-test.myshopify.com',
  name: 'Repo Test',
  apiOrigin: 'http://127.0.0.1:4010/shops/repo-test.myshopify.com',
  accessToken: TOKEN,
  timezone: 'Europe/Paris',
  currency: 'EUR',
};

async function rawRow(domain: string) {
  const rows = await services.db.select().from(shops).where(eq(shops.domain, domain));
  return rows[0]!;
}

describe(`shop repository on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('stores the token and webhook secret sealed, never in the clear, and gives them back', async () => {
    const shop = await services.shops.saveShop({ ...base, webhookSecret: 'whsec_webhook_secret_value' });
    expect(shop).not.toHaveProperty('accessTokenEncrypted');
    expect(JSON.stringify(shop)).not.toContain(TOKEN);

    const row = await rawRow(base.domain);
    expect(row.accessTokenEncrypted).not.toBe(TOKEN);
    expect(row.accessTokenEncrypted).not.toContain(TOKEN);
    expect(row.accessTokenEncrypted).not.toContain(Buffer.from(TOKEN).toString('base64url').slice(0, 12));
    expect(JSON.stringify(row)).not.toContain('whsec_webhook_secret_value');
    expect(decryptSecret(row.accessTokenEncrypted, services.key('token-encryption'))).toBe(TOKEN);

    expect(await services.shops.getShopCredentials(shop)).toEqual({ shopId: shop.id, domain: base.domain, apiOrigin: base.apiOrigin, accessToken: TOKEN });
    expect(await services.shops.getWebhookSecret(shop)).toBe('whsec_webhook_secret_value');
  });

  it('cannot decrypt with another key', async () => {
    const shop = await services.shops.findShopByDomain(base.domain);
    const other = createShopRepository(services.db, Buffer.alloc(32, 7));
    await expect(other.getShopCredentials(shop!)).rejects.toThrow();
  });

  it('upserts by domain: same id, new token, uninstall cleared, settings and webhook secret kept', async () => {
    const first = (await services.shops.findShopByDomain(base.domain))!;
    await services.db
      .update(shops)
      .set({ settings: { brandColor: '#123456' } })
      .where(eq(shops.id, first.id));
    expect(await services.shops.markShopUninstalled(base.domain)).toBe(true);
    expect((await services.shops.findShopByDomain(base.domain))!.uninstalledAt).toBeInstanceOf(Date);
    expect((await services.shops.listShops()).map((shop) => shop.domain)).not.toContain(base.domain);
    expect((await services.shops.listShops({ includeUninstalled: true })).map((shop) => shop.domain)).toContain(base.domain);

    const again = await services.shops.saveShop({ ...base, id: '00000000-0000-4000-8000-000000000000', accessToken: 'shpat_new_token_0000', name: 'Renamed' });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ name: 'Renamed', uninstalledAt: null, settings: { brandColor: '#123456' } });
    expect((await services.shops.getShopCredentials(again)).accessToken).toBe('shpat_new_token_0000');
    expect(await services.shops.getWebhookSecret(again)).toBe('whsec_webhook_secret_value');
    expect((await services.shops.listShops()).map((shop) => shop.domain)).toContain(base.domain);
  });

  it('finds by id and says null for unknown ids and domains', async () => {
    const shop = (await services.shops.findShopByDomain(base.domain))!;
    expect((await services.shops.findShopById(shop.id))?.domain).toBe(base.domain);
    expect(await services.shops.findShopById('not-a-uuid')).toBeNull();
    expect(await services.shops.findShopById('00000000-0000-4000-8000-000000000001')).toBeNull();
    expect(await services.shops.findShopByDomain('nobody.myshopify.com')).toBeNull();
    expect(await services.shops.markShopUninstalled('nobody.myshopify.com')).toBe(false);
  });
});
