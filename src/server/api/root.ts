import { createTRPCRouter } from './trpc';
import { systemRouter } from './routers/system';
import { ordersRouter } from './routers/orders';
import { chatRouter } from './routers/chat';

export const appRouter = createTRPCRouter({
  system: systemRouter,
  orders: ordersRouter,
  chat: chatRouter,
});

export type AppRouter = typeof appRouter;
