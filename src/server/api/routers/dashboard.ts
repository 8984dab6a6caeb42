import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { applyRetentionOnSchedule } from '@/server/analytics/apply-retention';
import { listAuditLog, listConversations, loadTranscript } from '@/server/dashboard/load-activity';
import { loadOrderTimeline } from '@/server/dashboard/load-order-timeline';
import { loadOverview } from '@/server/dashboard/load-overview';
import { loadSettings } from '@/server/dashboard/load-settings';
import { inviteMember } from '@/server/dashboard/invite-member';
import { merchantProcedure, rangeInput, shopMemberProcedure, shopOwnerProcedure, shopRange } from '@/server/dashboard/merchant-procedure';
import { createShopMemberRepository } from '@/server/dashboard/shop-members';
import { settingsInput, updateShopSettings } from '@/server/dashboard/update-shop-settings';
import { clearWidgetFramePolicyCache } from '@/server/widget/frame-policy';
import { createTRPCRouter } from '../trpc';

/** The merchant dashboard: every procedure but `shops` is about one shop the signed-in merchant belongs to. */
export const dashboardRouter = createTRPCRouter({
  shops: merchantProcedure.query(async ({ ctx }) => ({
    email: ctx.merchant.email,
    shops: await createShopMemberRepository(ctx.services.db).listShopsFor(ctx.merchant.email),
  })),

  overview: shopMemberProcedure.input(rangeInput).query(async ({ ctx, input }) => {
    void applyRetentionOnSchedule(ctx.services);
    return loadOverview(ctx.services, ctx.shop, shopRange(input, ctx.shop.timezone));
  }),

  orderTimeline: shopMemberProcedure.input(z.object({ orderNumber: z.string().trim().min(1).max(64) })).query(({ ctx, input }) =>
    loadOrderTimeline(ctx.services, ctx.shop, input.orderNumber),
  ),

  conversations: shopMemberProcedure.input(rangeInput).query(async ({ ctx, input }) => {
    const range = shopRange(input, ctx.shop.timezone);
    return { range, rows: await listConversations(ctx.services, ctx.shop, range) };
  }),

  transcript: shopMemberProcedure.input(z.object({ conversationId: z.uuid() })).query(async ({ ctx, input }) => {
    const transcript = await loadTranscript(ctx.services, ctx.shop, input.conversationId);
    if (!transcript) throw new TRPCError({ code: 'NOT_FOUND', message: 'This conversation was not found.' });
    return transcript;
  }),

  auditLog: shopMemberProcedure.input(rangeInput).query(async ({ ctx, input }) => {
    const range = shopRange(input, ctx.shop.timezone);
    return { range, rows: await listAuditLog(ctx.services, ctx.shop, range) };
  }),

  settings: shopMemberProcedure.query(async ({ ctx }) => ({
    ...(await loadSettings(ctx.services, ctx.shop, ctx.membership.role)),
    role: ctx.membership.role,
    members: await createShopMemberRepository(ctx.services.db).listMembers(ctx.shop.id),
  })),

  updateSettings: shopOwnerProcedure.input(settingsInput).mutation(async ({ ctx, input }) => {
    const settings = await updateShopSettings(ctx.services, ctx.shop.id, input);
    clearWidgetFramePolicyCache();
    return { settings };
  }),

  invite: shopOwnerProcedure.input(z.object({ email: z.email().max(320), role: z.enum(['owner', 'member']).default('member') })).mutation(({ ctx, input }) =>
    inviteMember(ctx.services, ctx.shop, { email: input.email, role: input.role, invitedBy: ctx.merchant.email }),
  ),
});
