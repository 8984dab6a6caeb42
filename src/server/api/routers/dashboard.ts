import { z } from 'zod';
import {
  changeSettings,
  inviteTeammate,
  listMerchantShops,
  viewAuditLog,
  viewConversations,
  viewOrderTimeline,
  viewOverview,
  viewSettings,
  viewTranscript,
} from '@/server/use-cases/dashboard/merchant-dashboard';
import { rangeInput } from '@/server/use-cases/dashboard/shop-range';
import { settingsInput } from '@/server/use-cases/dashboard/update-shop-settings';
import { merchantProcedure, shopMemberProcedure } from '../merchant-procedure';
import { createTRPCRouter } from '../trpc';

/** The merchant dashboard: every procedure but `shops` is about one shop the signed-in merchant belongs to. */
export const dashboardRouter = createTRPCRouter({
  shops: merchantProcedure.query(({ ctx }) => listMerchantShops(ctx.services, ctx.merchant)),

  overview: shopMemberProcedure.input(rangeInput).query(({ ctx, input }) => viewOverview(ctx.services, ctx.access, input)),

  orderTimeline: shopMemberProcedure
    .input(z.object({ orderNumber: z.string().trim().min(1).max(64) }))
    .query(({ ctx, input }) => viewOrderTimeline(ctx.services, ctx.access, input.orderNumber)),

  conversations: shopMemberProcedure.input(rangeInput).query(({ ctx, input }) => viewConversations(ctx.services, ctx.access, input)),

  transcript: shopMemberProcedure
    .input(z.object({ conversationId: z.uuid() }))
    .query(({ ctx, input }) => viewTranscript(ctx.services, ctx.access, input.conversationId)),

  auditLog: shopMemberProcedure.input(rangeInput).query(({ ctx, input }) => viewAuditLog(ctx.services, ctx.access, input)),

  settings: shopMemberProcedure.query(({ ctx }) => viewSettings(ctx.services, ctx.access)),

  updateSettings: shopMemberProcedure.input(settingsInput).mutation(({ ctx, input }) => changeSettings(ctx.services, ctx.access, input)),

  invite: shopMemberProcedure
    .input(z.object({ email: z.email().max(320), role: z.enum(['owner', 'member']).default('member') }))
    .mutation(({ ctx, input }) => inviteTeammate(ctx.services, ctx.access, input)),
});
