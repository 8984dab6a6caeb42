import { describeRetryAfter } from './attempt-limits';
import type { VerifyOrderResult } from './verify-order';

export const NOT_VERIFIED_MESSAGE =
  "We couldn't find an order with that number and email address. Please check both (the number is in your order confirmation email) and try again.";
export const UNAVAILABLE_MESSAGE = "We can't look that order up right now. Please try again in a few minutes.";

/** What the shopper reads for a failed verification, the same on every door (page, widget, chat agent). */
export function describeVerifyFailure(result: VerifyOrderResult & { ok: false }): string {
  if (result.reason === 'locked') return `Too many attempts. For your security, please try again ${describeRetryAfter(result.retryAfterMs)}.`;
  return result.reason === 'unavailable' ? UNAVAILABLE_MESSAGE : NOT_VERIFIED_MESSAGE;
}
