import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { normalizeStorefrontOrigin } from '@/domain/widget/frame-ancestors';
import type { ShopSettings } from '@/domain/shops/shop-settings';
import { shops } from '../../db/schema';
import type { Services } from '../../services';

/** Stored as origins (`https://shop.example.com`, or `http://127.0.0.1:4010` for a local store): what frame-ancestors uses. */
const storefrontOrigin = z
  .string()
  .max(300)
  .transform((value, ctx) => {
    const origin = normalizeStorefrontOrigin(value);
    if (!origin) ctx.addIssue({ code: 'custom', message: 'not a storefront domain' });
    return origin ?? '';
  });

/** What a merchant may change; absent keys stay as they are, empty strings clear optional text. */
export const settingsInput = z.object({
  brandName: z.string().trim().max(60).optional(),
  brandColor: z
    .string()
    .trim()
    .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'a colour like #1d4ed8')
    .optional(),
  logoUrl: z.union([z.literal(''), z.url({ protocol: /^https$/ }).max(500)]).optional(),
  supportEmail: z.union([z.literal(''), z.email().max(320)]).optional(),
  storefrontDomains: z.array(storefrontOrigin).max(20).optional(),
  retentionDays: z.number().int().min(7).max(3650).optional(),
  embeddedStaffAccess: z.enum(['members', 'owner_only']).optional(),
});
export type SettingsInput = z.infer<typeof settingsInput>;

/** Merges the change into the shop's settings (one jsonb update, so concurrent edits of other keys survive). */
export async function updateShopSettings(services: Services, shopId: string, input: SettingsInput): Promise<ShopSettings> {
  const patch: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (value === '') remove.push(key);
    else patch[key] = key === 'storefrontDomains' ? [...new Set(value as string[])] : value;
  }
  const removal = remove.length ? sql` - ${sql.raw(`'{${remove.join(',')}}'::text[]`)}` : sql``;
  const [row] = await services.db
    .update(shops)
    .set({ settings: sql`(${shops.settings} || ${JSON.stringify(patch)}::jsonb)${removal}`, updatedAt: new Date() })
    .where(eq(shops.id, shopId))
    .returning({ settings: shops.settings });
  return row?.settings ?? {};
}
