import { z } from 'zod';
import { listShopperOrders } from '@/server/use-cases/orders/list-shopper-orders';
import { presentOrder } from '@/server/use-cases/orders/present-order';
import { verifyShopperOrder } from '@/server/use-cases/orders/verify-shopper-order';
import { viewShopperOrder } from '@/server/use-cases/orders/view-shopper-order';
import { createTRPCRouter, shopperShopProcedure } from '../trpc';

const doorInput = z.enum(['widget', 'page', 'api']).default('api');

export const ordersRouter = createTRPCRouter({
  /** Order number + email → an order grant for this browser session, or one uniform failure. */
  verify: shopperShopProcedure
    .input(z.object({ orderReference: z.string().max(200), email: z.string().max(320), door: doorInput }))
    .mutation(async ({ ctx: { services, session, clientAddress, shop }, input }) => {
      const holderHash = session.ensureHolderHash();
      const answer = await verifyShopperOrder(services, {
        shop,
        holderHash,
        clientAddress,
        door: input.door,
        reference: input.orderReference,
        email: input.email,
      });
      if (answer.status !== 'verified') return answer;
      return { status: answer.status, ...presentOrder(answer.record, answer.stale, shop.timezone) };
    }),

  /** One order this session has verified (or an email/customer grant reaches), freshest data we can get. */
  get: shopperShopProcedure
    .input(z.object({ orderId: z.string().regex(/^\d{1,20}$/), door: doorInput }))
    .query(async ({ ctx: { services, session, clientAddress, shop }, input }) => {
      const answer = await viewShopperOrder(services, { shop, holderHash: session.holderHash(), clientAddress, door: input.door, orderId: input.orderId });
      if (answer.status !== 'ok') return answer;
      return { status: answer.status, ...presentOrder(answer.record, answer.stale, shop.timezone) };
    }),

  /**
   * The orders this session may see in this shop: its order and customer grants, plus the first history page
   * of an email grant when this browser is still signed in (magic link) as that email.
   */
  list: shopperShopProcedure.query(async ({ ctx }) => {
    return { orders: await listShopperOrders(ctx.services, { shop: ctx.shop, holderHash: ctx.session.holderHash(), readSignedIn: ctx.readSignedIn }) };
  }),
});
