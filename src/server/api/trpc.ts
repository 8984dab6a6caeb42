import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import { getServices, type Services } from '@/server/services';
import { asAppError, INTERNAL_MESSAGE } from '@/server/app-error';
import type { ClientAddress } from '@/server/http/client-address';
import { headerCookieJar, shopperSession, type ShopperSession } from '@/server/http/shopper-session';
import { requireServedShop } from '@/server/use-cases/shops/find-served-shop';
import { signInReader, type SignedInShopper } from '@/server/auth/shopper-sign-in';
import { toTRPCError } from './app-error-converter';

export type RequestContext = {
  services: Services;
  headers: Headers;
  /** Cookies and other headers a procedure wants on the response (the fetch adapter merges them). */
  resHeaders: Headers;
  /** Client address as the trusted proxies report it (null: unknown); only for limits and keyed audit hashes. */
  clientAddress: ClientAddress;
  /** The browser's shopper session (the `osa_session` cookie); creating it sets the cookie on the response. */
  session: ShopperSession;
  /** The browser's magic-link (Auth.js) sign-in, read once, when first asked. */
  readSignedIn: () => Promise<SignedInShopper | null>;
};

/** The context of one request; the client address comes from the headers as TRUSTED_PROXIES allows, in tests too. */
export function buildRequestContext(services: Services, options: { headers: Headers; resHeaders: Headers }): RequestContext {
  return {
    services,
    headers: options.headers,
    resHeaders: options.resHeaders,
    clientAddress: services.clientAddresses.read(options.headers),
    session: shopperSession(services, headerCookieJar(options.headers, options.resHeaders)),
    readSignedIn: signInReader(services, options.headers),
  };
}

export async function createRequestContext(options: { headers: Headers; resHeaders: Headers }): Promise<RequestContext> {
  return buildRequestContext(await getServices(), options);
}

const t = initTRPC.context<RequestContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // Shoppers and integrators get a code and our message, never an upstream message or a stack.
    const isInput = error.cause instanceof ZodError;
    const isInternal = shape.data.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: isInput ? 'The request was not valid.' : isInternal ? INTERNAL_MESSAGE : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        issues: isInput ? (error.cause as ZodError).issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) : undefined,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Use cases throw AppError (and outages surface as one): the converter turns them into tRPC errors here. */
const appErrors = t.middleware(async ({ next, ctx }) => {
  const result = await next();
  if (result.ok) return result;
  const converted = toTRPCError(result.error.cause);
  if (!converted) return result;
  const retryAfter = asAppError(result.error.cause)?.retryAfterSeconds;
  if (retryAfter) ctx.resHeaders.set('retry-after', String(retryAfter));
  throw converted;
});

export const publicProcedure = t.procedure.use(appErrors);

/** A shopper procedure about one installed shop (`input.shop`, its domain in any spelling): `ctx.shop` is that shop. */
export const shopperShopProcedure = publicProcedure
  .input(z.object({ shop: z.string().trim().min(1).max(255) }))
  .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, shop: await requireServedShop(ctx.services, input.shop) } }));
