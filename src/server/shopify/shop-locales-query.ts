import { z } from 'zod';

/**
 * The shop's storefront languages (`shopLocales`, 2025-01 schema: "A list of locales available on a shop"), with
 * which is primary and which are visible to buyers. Needs the `read_locales` scope; one small list, 1 point.
 */
export const SHOP_LOCALES_QUERY = /* GraphQL */ `
  query WismoShopLocales {
    shopLocales {
      locale
      primary
      published
    }
  }
`;

export const SHOP_LOCALES_COST_ESTIMATE = 1;

export const shopLocalesSchema = z.object({
  shopLocales: z.array(z.object({ locale: z.string().min(1).max(35), primary: z.boolean(), published: z.boolean() })).max(300),
});

export type ShopLocaleRow = z.infer<typeof shopLocalesSchema>['shopLocales'][number];
