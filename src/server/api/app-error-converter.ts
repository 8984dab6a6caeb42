import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';

import { asAppError, INTERNAL_MESSAGE, type AppError, type AppErrorCode } from '../app-error';

/** The one mapping from app errors to transports: tRPC codes, HTTP statuses, form messages. */
const TRANSPORT: Record<AppErrorCode, { trpc: TRPC_ERROR_CODE_KEY; status: number }> = {
  bad_request: { trpc: 'BAD_REQUEST', status: 400 },
  unauthorized: { trpc: 'UNAUTHORIZED', status: 401 },
  forbidden: { trpc: 'FORBIDDEN', status: 403 },
  not_found: { trpc: 'NOT_FOUND', status: 404 },
  rate_limited: { trpc: 'TOO_MANY_REQUESTS', status: 429 },
  unavailable: { trpc: 'SERVICE_UNAVAILABLE', status: 503 },
};

/** For tRPC procedures: the app error as a TRPCError, or null for a bug (tRPC then answers 500). */
export function toTRPCError(error: unknown): TRPCError | null {
  const appError = asAppError(error);
  return appError ? new TRPCError({ code: TRANSPORT[appError.code].trpc, message: appError.message, cause: error }) : null;
}

export type HttpErrorAnswer = { status: number; message: string; headers: Record<string, string>; appError: AppError | null };

/** For route handlers: status, safe message and `Retry-After`; a bug is a 500 with the generic message. */
export function toHttpError(error: unknown): HttpErrorAnswer {
  const appError = asAppError(error);
  if (!appError) return { status: 500, message: INTERNAL_MESSAGE, headers: {}, appError: null };
  const headers: Record<string, string> = appError.retryAfterSeconds ? { 'retry-after': String(appError.retryAfterSeconds) } : {};
  return { status: TRANSPORT[appError.code].status, message: appError.message, headers, appError };
}

/**
 * For server actions and server components: the app error to show in the page, or a rethrow for a bug (so the
 * route's error boundary and the server log see it).
 */
export function toFormError(error: unknown): AppError {
  const appError = asAppError(error);
  if (!appError) throw error;
  return appError;
}
