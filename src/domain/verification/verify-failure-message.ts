import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { RETRY_MINUTES } from './attempt-limits';

const english = translator(DEFAULT_LOCALE, 'verification');
export const NOT_VERIFIED_MESSAGE = english('notVerified');
export const UNAVAILABLE_MESSAGE = english('unavailable');
export const LAST_TRY_WARNING = english('lastTry');

/**
 * A failed verification as the shopper's door sees it: the reason, how many tries are left near the limit and,
 * when locked (or this failure used the last try), how long to wait.
 */
export type VerifyFailure = { reason: 'not_verified' | 'locked' | 'unavailable'; retryAfterMs?: number; triesLeft?: 0 | 1 };

/**
 * What the shopper reads for a failed verification, the same on every door (page, widget, chat agent) and, within
 * a language, one sentence per reason and tries left: "no such order" and "wrong email" are both `not_verified`
 * and cannot differ.
 */
export function describeVerifyFailure(failure: VerifyFailure, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale, 'verification');
  const lockout = () => t('locked', { minutes: RETRY_MINUTES(failure.retryAfterMs ?? 0) });
  const join = (...sentences: string[]) => sentences.join(locale === 'ja' ? '' : ' ');
  if (failure.reason === 'locked') return lockout();
  if (failure.reason === 'unavailable') return t('unavailable');
  if (failure.triesLeft === 1) return join(t('notVerified'), t('lastTry'));
  if (failure.triesLeft === 0) return join(t('notVerified'), lockout());
  return t('notVerified');
}
