import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { RETRY_MINUTES } from './attempt-limits';

const english = translator(DEFAULT_LOCALE, 'verification');
export const NOT_VERIFIED_MESSAGE = english('notVerified');
export const UNAVAILABLE_MESSAGE = english('unavailable');

/** A failed verification as the shopper's door sees it: the reason and, when locked, how long to wait. */
export type VerifyFailure = { reason: 'not_verified' | 'locked' | 'unavailable'; retryAfterMs?: number };

/**
 * What the shopper reads for a failed verification, the same on every door (page, widget, chat agent) and, within
 * a language, one sentence per reason: "no such order" and "wrong email" are both `not_verified` and cannot differ.
 */
export function describeVerifyFailure(failure: VerifyFailure, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale, 'verification');
  if (failure.reason === 'locked') return t('locked', { minutes: RETRY_MINUTES(failure.retryAfterMs ?? 0) });
  return t(failure.reason === 'unavailable' ? 'unavailable' : 'notVerified');
}
