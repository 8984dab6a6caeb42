import { createTRPCRouter } from './trpc';
import { systemRouter } from './routers/system';

export const appRouter = createTRPCRouter({
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
