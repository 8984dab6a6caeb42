import { createTRPCRouter } from './trpc';
import { systemRouter } from './routers/system';
import { ordersRouter } from './routers/orders';
import { chatRouter } from './routers/chat';
import { dashboardRouter } from './routers/dashboard';

export const appRouter = createTRPCRouter({
  system: systemRouter,
  orders: ordersRouter,
  chat: chatRouter,
  dashboard: dashboardRouter,
});

export type AppRouter = typeof appRouter;
