import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { normalizeShopDomain } from '@/domain/shops/shop-domain';
import { publicProcedure } from '../api/trpc';
import { readSignedInShopper } from '../auth/shopper-sign-in';
import { createShopMemberRepository } from './shop-members';

export const NOT_A_MEMBER_MESSAGE = 'This shop is not available to you.';

/** Signed in through Auth.js (the same magic-link sessions shoppers use); what they may see comes from membership rows. */
export const merchantProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const merchant = await readSignedInShopper(ctx.services, ctx.headers);
  if (!merchant) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' });
  return next({ ctx: { ...ctx, merchant: { email: merchant.email } } });
});

/**
 * A procedure about one shop (`input.shop`, its domain): the merchant must be a member. An unknown shop, an
 * uninstalled one and someone else's all answer NOT_FOUND, so ids cannot be probed.
 */
export const shopMemberProcedure = merchantProcedure.input(z.object({ shop: z.string().trim().min(1).max(255) })).use(async ({ ctx, input, next }) => {
  const domain = normalizeShopDomain(input.shop);
  const membership = domain ? await createShopMemberRepository(ctx.services.db).findMembership(ctx.merchant.email, domain) : null;
  if (!membership) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_A_MEMBER_MESSAGE });
  const shop = await ctx.services.shops.findShopById(membership.shopId);
  if (!shop) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_A_MEMBER_MESSAGE });
  return next({ ctx: { ...ctx, shop, membership } });
});

/** Owners only (settings, invitations). */
export const shopOwnerProcedure = shopMemberProcedure.use(({ ctx, next }) => {
  if (ctx.membership.role !== 'owner') throw new TRPCError({ code: 'FORBIDDEN', message: 'Only the shop owner can change this.' });
  return next();
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayString = z.string().regex(DAY).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'not a date');

/** The dashboard's date range, whole UTC days, at most a year; defaults to the last 30 days. */
export const rangeInput = z
  .object({ from: dayString.optional(), to: dayString.optional() })
  .transform((value) => defaultRange(value.from, value.to))
  .refine((range) => range.from <= range.to, 'from must not be after to')
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= 366 * 86_400_000, 'at most one year');

export function defaultRange(from?: string, to?: string, now = new Date()): { from: string; to: string } {
  const end = to ?? now.toISOString().slice(0, 10);
  const start = from ?? new Date(Date.parse(`${end}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  return { from: start, to: end };
}
