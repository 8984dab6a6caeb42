import { createTRPCRouter } from './trpc';
import { systemRouter } from './routers/system';
import { ordersRouter } from './routers/orders';

export const appRouter = createTRPCRouter({
  system: systemRouter,
  orders: ordersRouter,
});

export type AppRouter = typeof appRouter;
