import { z } from 'zod';
import { chatDoorSchema } from '@/domain/agent/chat-message';
import { localeSchema } from '@/domain/i18n/locale-schema';
import { loadChatHistory, sendChatMessage } from '@/server/use-cases/chat/send-chat-message';
import { startChat } from '@/server/use-cases/chat/start-chat';
import { createTRPCRouter, publicProcedure, shopperShopProcedure } from '../trpc';

const conversationId = z.string().min(1).max(64);
const shop = z.string().trim().min(1).max(255);

/** The chat agent over tRPC; docs/api.md documents inputs, outputs and error codes. */
export const chatRouter = createTRPCRouter({
  /** Opens a conversation bound to the shop and the `osa_session` cookie, in `locale` (English when absent); returns the agent's greeting. */
  start: shopperShopProcedure
    .input(
      z.object({
        door: chatDoorSchema.optional(),
        proxyQuery: z.record(z.string().max(64), z.string().max(2000)).optional(),
        locale: localeSchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      startChat(
        ctx.services,
        {
          ensureHolderHash: ctx.session.ensureHolderHash,
          clientAddress: ctx.clientAddress,
          readSignedIn: ctx.readSignedIn,
        },
        { shop: ctx.shop, door: input.door, proxyQuery: input.proxyQuery, locale: input.locale },
      ),
    ),

  /**
   * One shopper message (1..4000 characters after trim; checked in the use case for its own message) → the agent's reply
   * and the conversation's language; `locale` is the shopper's explicit choice (the widget's language switcher).
   */
  send: publicProcedure
    .input(z.object({ conversationId, text: z.string(), shop: shop.optional(), locale: localeSchema.optional() }))
    .mutation(({ ctx, input }) =>
      sendChatMessage(ctx.services, { holderHash: ctx.session.holderHash(), clientAddress: ctx.clientAddress, readSignedIn: ctx.readSignedIn }, input),
    ),

  history: publicProcedure
    .input(z.object({ conversationId, shop: shop.optional() }))
    .query(({ ctx, input }) => loadChatHistory(ctx.services, ctx.session.holderHash(), input)),
});
