import { z } from 'zod';
import { publicProcedure } from './trpc';
import { authorizeShopAccess, requireMerchant } from '../use-cases/dashboard/authorize-shop-access';

/** Signed in through Auth.js (the same magic-link sessions shoppers use); what they may see comes from membership rows. */
export const merchantProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const merchant = requireMerchant(await ctx.readSignedIn());
  return next({ ctx: { ...ctx, merchant } });
});

/** A procedure about one shop (`input.shop`, its domain) the merchant is a member of (see authorizeShopAccess). */
export const shopMemberProcedure = merchantProcedure.input(z.object({ shop: z.string().trim().min(1).max(255) })).use(async ({ ctx, input, next }) => {
  const access = await authorizeShopAccess(ctx.services, ctx.merchant, input.shop);
  return next({ ctx: { ...ctx, access } });
});
