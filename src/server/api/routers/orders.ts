import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { getOrderRecord } from '@/domain/orders/lookup-order';
import type { OrderRecord } from '@/domain/orders/order-record';
import { describeRetryAfter } from '@/domain/verification/attempt-limits';
import { grantedOrderIds, grantsAllowOrder } from '@/domain/verification/grant-access';
import { verifyOrder } from '@/domain/verification/verify-order';
import { describeFreshness } from '@/domain/tracking/format-time';
import type { Shop } from '@/domain/shops/shop';
import { normalizeShopDomain } from '@/domain/shops/shop-domain';
import { hashClientFor, orderLookupDeps, verifyOrderDeps } from '@/server/orders/order-deps';
import type { Services } from '@/server/services';
import { listEmailGrantOrders } from '@/server/auth/list-email-grant-orders';
import { recordOrderViewed, sessionInquiryId } from '@/server/analytics/lookup-events';
import { shopperHolder } from '../shopper-session';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const NOT_VERIFIED_MESSAGE =
  "We couldn't find an order with that number and email address. Please check both (the number is in your order confirmation email) and try again.";
export const UNAVAILABLE_MESSAGE = "We can't look that order up right now. Please try again in a few minutes.";
/** Shown with a last-known answer when Shopify is throttling us, failing or too slow. */
export const staleNote = (fetchedAt: string, timeZone: string) =>
  `Shopify is busy or not answering right now; here is what we knew ${describeFreshness(fetchedAt, new Date(), timeZone)}.`;
const NO_ACCESS_MESSAGE = 'This order is not available. Look it up with its number and email first.';

const shopInput = z.string().trim().min(1).max(255);
const doorInput = z.enum(['widget', 'page', 'api']).default('api');

async function resolveShop(services: Services, domainInput: string): Promise<Shop> {
  const domain = normalizeShopDomain(domainInput);
  const shop = domain ? await services.shops.findShopByDomain(domain) : null;
  if (!shop || shop.uninstalledAt) throw new TRPCError({ code: 'NOT_FOUND', message: 'This shop is not available.' });
  return shop;
}

function present(record: OrderRecord, stale: boolean, timeZone: string) {
  return {
    order: record.view,
    freshness: {
      fetchedAt: record.fetchedAt,
      stale,
      note: stale ? staleNote(record.fetchedAt, timeZone) : null,
    },
  };
}

export const ordersRouter = createTRPCRouter({
  /** Order number + email → an order grant for this browser session, or one uniform failure. */
  verify: publicProcedure
    .input(z.object({ shop: shopInput, orderReference: z.string().max(200), email: z.string().max(320), door: doorInput }))
    .mutation(async ({ ctx, input }) => {
      const shop = await resolveShop(ctx.services, input.shop);
      const holderHash = shopperHolder(ctx, { create: true })!;
      const result = await verifyOrder(verifyOrderDeps(ctx.services, shop, holderHash, input.door), {
        reference: input.orderReference,
        email: input.email,
        holderHash,
        clientAddress: ctx.clientAddress,
        door: input.door,
      });
      if (result.ok) {
        recordOrderViewed(ctx.services, shop.id, { door: input.door, inquiryId: sessionInquiryId(ctx.services, holderHash) }, { record: result.record });
        return { status: 'verified' as const, ...present(result.record, result.stale, shop.timezone) };
      }
      if (result.reason === 'locked') {
        return {
          status: 'locked' as const,
          message: `Too many attempts. For your security, please try again ${describeRetryAfter(result.retryAfterMs)}.`,
          retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000),
        };
      }
      if (result.reason === 'unavailable') return { status: 'unavailable' as const, message: UNAVAILABLE_MESSAGE };
      return { status: 'not_verified' as const, message: NOT_VERIFIED_MESSAGE };
    }),

  /** One order this session has verified (or an email/customer grant reaches), freshest data we can get. */
  get: publicProcedure
    .input(z.object({ shop: shopInput, orderId: z.string().regex(/^\d{1,20}$/), door: doorInput }))
    .query(async ({ ctx, input }) => {
      const shop = await resolveShop(ctx.services, input.shop);
      const holderHash = shopperHolder(ctx, { create: false });
      const grants = holderHash ? await ctx.services.grants.listGrants(holderHash, shop.id, new Date()) : [];
      const denied = () => new TRPCError({ code: 'NOT_FOUND', message: NO_ACCESS_MESSAGE });
      // A holder without any grant in this shop learns nothing and costs no Shopify call.
      if (grants.length === 0) throw denied();
      const found = await getOrderRecord(orderLookupDeps(ctx.services, shop), input.orderId);
      if (!found.ok) {
        if (found.reason === 'unavailable' && grantedOrderIds(grants, shop.id).includes(input.orderId)) {
          return { status: 'unavailable' as const, message: UNAVAILABLE_MESSAGE };
        }
        throw denied();
      }
      if (!grantsAllowOrder(grants, shop.id, found.record)) throw denied();
      await ctx.services.audit.record({
        shopId: shop.id,
        door: input.door,
        action: 'view',
        result: 'success',
        reason: found.source,
        clientHash: hashClientFor(ctx.services)(ctx.clientAddress),
        emailHash: found.record.emailHash,
        orderId: found.record.orderId,
      });
      recordOrderViewed(ctx.services, shop.id, { door: input.door, inquiryId: holderHash && sessionInquiryId(ctx.services, holderHash) }, { record: found.record, source: found.source });
      return { status: 'ok' as const, ...present(found.record, found.stale, shop.timezone) };
    }),

  /**
   * The orders this session may see in this shop: its order grants, plus the first history page of an email
   * grant when this browser is still signed in (magic link) as that email.
   */
  list: publicProcedure.input(z.object({ shop: shopInput })).query(async ({ ctx, input }) => {
    const shop = await resolveShop(ctx.services, input.shop);
    const holderHash = shopperHolder(ctx, { create: false });
    if (!holderHash) return { orders: [] };
    const grants = await ctx.services.grants.listGrants(holderHash, shop.id, new Date());
    const deps = orderLookupDeps(ctx.services, shop);
    const results = await Promise.all(grantedOrderIds(grants, shop.id).map((orderId) => getOrderRecord(deps, orderId)));
    const orders = results
      .filter((result) => result.ok)
      .map((result) => ({
        orderId: result.record.orderId,
        orderName: result.record.orderName,
        status: result.record.view.status,
        headline: result.record.view.headline,
        placedAt: result.record.view.placedAt,
        stale: result.stale,
      }));
    const history = await listEmailGrantOrders(ctx.services, shop, grants, ctx.headers);
    for (const order of history) {
      if (!orders.some((known) => known.orderId === order.orderId)) orders.push({ ...order, stale: false });
    }
    orders.sort((a, b) => b.placedAt.at.localeCompare(a.placedAt.at));
    return { orders };
  }),
});
