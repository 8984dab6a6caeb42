import { sql } from 'drizzle-orm';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const systemRouter = createTRPCRouter({
  /** Cheap liveness for the client: proves the tRPC path, the database and the store answer. */
  ping: publicProcedure.query(async ({ ctx }) => {
    await ctx.services.db.execute(sql`select 1`);
    return { ok: true as const, database: ctx.services.dbKind, cache: ctx.services.store.kind };
  }),
});
