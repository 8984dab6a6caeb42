import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { getServices, type Services } from '@/server/services';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/server/db/database-unavailable';

export type RequestContext = {
  services: Services;
  headers: Headers;
  /** Cookies and other headers a procedure wants on the response (the fetch adapter merges them). */
  resHeaders: Headers;
  /** Best-effort client address: only for rate limits and keyed audit hashes, never stored raw. */
  clientAddress: string;
};

export function readClientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || 'unknown';
}

export async function createRequestContext(options: { headers: Headers; resHeaders: Headers }): Promise<RequestContext> {
  const services = await getServices();
  return { services, headers: options.headers, resHeaders: options.resHeaders, clientAddress: readClientAddress(options.headers) };
}

export const INTERNAL_MESSAGE = 'Something went wrong on our side. Please try again.';

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

/**
 * A database that cannot be reached is an outage, not a bug: the caller gets 503 and "we can't look that up
 * right now" instead of the generic 500. Writes that did not happen are simply not there (each turn is stored
 * by one statement), so trying again later is safe.
 */
const databaseOutage = t.middleware(async ({ next, ctx }) => {
  const result = await next();
  if (!result.ok && isDatabaseUnavailable(result.error.cause)) {
    ctx.resHeaders.set('retry-after', '30');
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, cause: result.error.cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(databaseOutage);
