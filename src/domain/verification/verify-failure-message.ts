import { describeRetryAfter } from './attempt-limits';
import type { VerifyOrderResult } from './verify-order';

export const NOT_VERIFIED_MESSAGE =
  "We couldn't find an order with that number and email address. Please check both (the number is in your order confirmation email) and try again.";
export const UNAVAILABLE_MESSAGE = "We can't look that order up right now. Please try again in a few minutes.";

export const LAST_TRY_WARNING = 'You have 1 try left before lookups are paused for your security.';

/** What the shopper reads for a failed verification, the same on every door (page, widget, chat agent). */
export function describeVerifyFailure(result: VerifyOrderResult & { ok: false }): string {
  if (result.reason === 'locked') return describeLockout(result.retryAfterMs);
  if (result.reason === 'unavailable') return UNAVAILABLE_MESSAGE;
  if (result.triesLeft === 1) return `${NOT_VERIFIED_MESSAGE} ${LAST_TRY_WARNING}`;
  if (result.triesLeft === 0) return `${NOT_VERIFIED_MESSAGE} ${describeLockout(result.retryAfterMs ?? 0)}`;
  return NOT_VERIFIED_MESSAGE;
}

function describeLockout(retryAfterMs: number): string {
  return `Too many attempts. For your security, please try again ${describeRetryAfter(retryAfterMs)}.`;
}
