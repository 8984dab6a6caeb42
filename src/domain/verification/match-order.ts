import { orderNameMatches, type ParsedOrderReference } from '../orders/parse-order-reference';
import type { OrderNameFormat } from '../orders/order-name-format';
import type { OrderRecord } from '../orders/order-record';
import type { SourceOrder } from '../orders/source-order';
import { emailsMatch } from './normalize-email';

/** Why a check failed. For the audit log only: the shopper always gets one uniform failure. */
export type MatchFailureReason = 'no_order' | 'email_mismatch' | 'no_email_on_order' | 'test_order';
export type MatchOrderResult = { ok: true; order: SourceOrder } | { ok: false; reason: MatchFailureReason };
export type MatchOrderRecordResult = { ok: true; record: OrderRecord } | { ok: false; reason: MatchFailureReason };

interface Candidate<T> {
  item: T;
  name: string;
  test: boolean;
  hasEmail: boolean;
  emailMatches: boolean;
}

/** The one decision rule, shared by the raw-order and the cached-record variants. */
function decide<T>(
  candidates: readonly Candidate<T>[],
  reference: string | ParsedOrderReference,
  format?: OrderNameFormat,
): { ok: true; item: T } | { ok: false; reason: MatchFailureReason } {
  const named = candidates.filter((c) => orderNameMatches(reference, c.name, format));
  if (named.length === 0) return { ok: false, reason: 'no_order' };
  const real = named.filter((c) => !c.test);
  const verified = real.find((c) => c.hasEmail && c.emailMatches);
  if (verified) return { ok: true, item: verified.item };
  if (real.length === 0) return { ok: false, reason: 'test_order' };
  return { ok: false, reason: real.some((c) => c.hasEmail) ? 'email_mismatch' : 'no_email_on_order' };
}

/**
 * Decides, in code, whether the shopper proved ownership of an order: among the orders Shopify's loose search
 * returned, one must have exactly the typed name (see `orderNameMatches`) and exactly the typed email
 * (see `emailsMatch`), and must not be a test order. Orders without an email can never be verified this way.
 * The candidates must already be the current shop's orders: shop binding happens where they are fetched.
 */
export function matchOrder(
  candidates: readonly SourceOrder[],
  reference: string | ParsedOrderReference,
  email: string,
  format?: OrderNameFormat,
): MatchOrderResult {
  const result = decide(
    candidates.map((o) => ({ item: o, name: o.name, test: o.test, hasEmail: Boolean(o.email), emailMatches: emailsMatch(email, o.email) })),
    reference,
    format,
  );
  return result.ok ? { ok: true, order: result.item } : result;
}

/**
 * Same rule over cached/snapshot records, which keep the order email only as a keyed hash. `emailHash` must be
 * the hash of the *normalised* typed email (`normalizeEmail`), and records must hash the normalised order email.
 */
export function matchOrderRecord(
  records: readonly OrderRecord[],
  reference: string | ParsedOrderReference,
  emailHash: string,
  format?: OrderNameFormat,
): MatchOrderRecordResult {
  const result = decide(
    records.map((r) => ({
      item: r,
      name: r.orderName,
      test: r.test,
      hasEmail: r.emailHash !== null,
      emailMatches: emailHash !== '' && r.emailHash === emailHash,
    })),
    reference,
    format,
  );
  return result.ok ? { ok: true, record: result.item } : result;
}
