import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { knownTimeZone, localDay } from '@/domain/analytics/shop-days';
import { normalizeShopDomain } from '@/domain/shops/shop-domain';
import type { DayRange } from '../analytics/sql-rows';
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

/** The dashboard's date range as asked for; shopRange completes it in the shop's time zone. */
export const rangeInput = z.object({ from: dayString.optional(), to: dayString.optional() });

/** Whole days in the shop's time zone, at most a year; defaults to the last 30 days ending today there. */
export function shopRange(input: { from?: string; to?: string }, timeZone: string, now = new Date()): DayRange {
  const zone = knownTimeZone(timeZone);
  const to = input.to ?? localDay(now, zone);
  const from = input.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  if (from > to) throw new TRPCError({ code: 'BAD_REQUEST', message: 'The start date must not be after the end date.' });
  if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Choose a range of at most one year.' });
  return { from, to, timeZone: zone };
}
