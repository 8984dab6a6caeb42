import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './db/database-unavailable';

/**
 * The closed set of ways a use case stops. Each edge (tRPC, route handlers, server actions) maps them in one
 * place (src/server/api/app-error-converter.ts); the message is always safe to show a shopper or merchant.
 */
export type AppErrorCode = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'rate_limited' | 'unavailable';

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** For `rate_limited` and `unavailable`: when trying again makes sense. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, message: string, options: { retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Seconds a shopper is asked to wait when the database cannot be reached. */
const DATABASE_RETRY_AFTER_SECONDS = 30;

/**
 * The app-level meaning of anything a use case threw: an AppError as is, a database that cannot be reached as
 * `unavailable` (an outage, not a bug; every write is one statement, so trying again is safe), anything else
 * null (a bug: the edge answers with a generic message and logs it).
 */
export function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    return new AppError('unavailable', DATABASE_UNAVAILABLE_MESSAGE, { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS, cause: error });
  }
  return null;
}

export const INTERNAL_MESSAGE = 'Something went wrong on our side. Please try again.';
