import { z } from 'zod';
import { chatDoorSchema } from '@/domain/agent/chat-message';
import { chatHistory, sendChat } from '@/server/agent/send-chat';
import { startChat } from '@/server/agent/start-chat';
import { createTRPCRouter, publicProcedure } from '../trpc';

const conversationId = z.string().min(1).max(64);
const shop = z.string().trim().min(1).max(255);

/** The chat agent over tRPC; docs/api.md documents inputs, outputs and error codes. */
export const chatRouter = createTRPCRouter({
  /** Opens a conversation bound to the shop and the `osa_session` cookie; returns the agent's greeting. */
  start: publicProcedure
    .input(z.object({ shop, door: chatDoorSchema.optional(), proxyQuery: z.record(z.string().max(64), z.string().max(2000)).optional() }))
    .mutation(({ ctx, input }) => startChat(ctx, input)),

  /** One shopper message (1..4000 characters after trim; checked in the procedure for its own message) → the agent's reply. */
  send: publicProcedure
    .input(z.object({ conversationId, text: z.string(), shop: shop.optional() }))
    .mutation(({ ctx, input }) => sendChat(ctx, input)),

  history: publicProcedure
    .input(z.object({ conversationId, shop: shop.optional() }))
    .query(({ ctx, input }) => chatHistory(ctx, input)),
});
