/** What a shopper reads when the database cannot be reached: the same words as when Shopify cannot be. */
export const DATABASE_UNAVAILABLE_MESSAGE = "We can't look that up right now. Please try again in a few minutes.";

// postgres.js connection failures, and Node's socket errors underneath them.
const CONNECTION_CODES = new Set([
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
// PostgreSQL SQLSTATEs meaning "not now": class 08 (connection exception), shutting down, starting up, full.
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/**
 * True when `error` (or anything in its `cause` chain: Drizzle wraps the driver's error) says the database
 * could not be reached, as opposed to a query that is wrong. Only the former is worth "try again later".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true;
    current = current.cause;
  }
  return false;
}
