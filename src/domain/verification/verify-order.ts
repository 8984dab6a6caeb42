import { findOrderRecords, type OrderLookupDeps } from '../orders/lookup-order';
import type { OrderRecord } from '../orders/order-record';
import type { OrderNameFormat } from '../orders/order-name-format';
import { parseOrderReference } from '../orders/parse-order-reference';
import { checkAttemptLimits, recordFailedAttempt, type AttemptLimitConfig, type CounterStore } from './attempt-limits';
import { matchOrderRecord } from './match-order';
import { normalizeEmail } from './normalize-email';

export type Door = 'widget' | 'page' | 'email_link' | 'app_proxy' | 'api';

export type VerifyOrderDeps = OrderLookupDeps & {
  counters: CounterStore;
  limits: AttemptLimitConfig;
  nameFormat?: OrderNameFormat;
  /** Null for an unknown address: no per-address counter, a null client hash in the audit. */
  hashClient: (address: string | null) => string | null;
  createGrant: (grant: { kind: 'order'; subject: string; door: Door; expiresAt: Date }) => Promise<{ id: string }>;
  audit: (entry: {
    result: 'success' | 'failure' | 'locked' | 'unavailable';
    reason: string | null;
    emailHash: string | null;
    clientHash: string | null;
    orderId: string | null;
  }) => Promise<void>;
  grantTtlMs: number;
  /** Every failure takes at least this long, so timing does not tell "no such order" from "wrong email". */
  minimumFailureMs: number;
  sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1) for the padding jitter (Math.random in production). */
  random: () => number;
};

export type VerifyOrderInput = { reference: string; email: string; holderHash: string; clientAddress: string | null; door: Door };

export type VerifyOrderResult =
  | { ok: true; record: OrderRecord; grantId: string; stale: boolean }
  /**
   * `triesLeft` only once the shopper is near the limit: 1 (warn before the last try) or 0 (this failure used the
   * last one: lookups are paused for `retryAfterMs`). It comes from counters every failure cause feeds alike.
   */
  | { ok: false; reason: 'not_verified'; triesLeft?: 0 | 1; retryAfterMs?: number }
  | { ok: false; reason: 'locked'; retryAfterMs: number }
  | { ok: false; reason: 'unavailable' };

/**
 * Decides in code whether the shopper proved they own an order (typed number + email, compared exactly),
 * within the attempt limits. Every failure looks the same to the caller whatever its cause (no order,
 * wrong email, test order, another shop's number); the cause goes to the audit log only.
 */
export async function verifyOrder(deps: VerifyOrderDeps, input: VerifyOrderInput): Promise<VerifyOrderResult> {
  const startedAt = deps.now().getTime();
  const clientHash = deps.hashClient(input.clientAddress);
  const reference = parseOrderReference(input.reference, deps.nameFormat);
  const email = normalizeEmail(input.email);
  const emailHash = email.ok ? deps.hashEmail(email.email) : null;
  const scope = { shopId: deps.shopId, holderHash: input.holderHash, clientHash, orderNumber: reference.ok ? reference.number : null };

  const fail = async (failure: VerifyOrderResult & { ok: false }, reason: string, counted: boolean) => {
    let result = failure;
    if (counted) {
      const triesLeft = await recordFailedAttempt(deps.counters, deps.limits, scope);
      if (result.reason === 'not_verified' && triesLeft === 1) result = { ...result, triesLeft: 1 };
      if (result.reason === 'not_verified' && triesLeft === 0) {
        const limit = await checkAttemptLimits(deps.counters, deps.limits, scope);
        result = {
          ...result,
          triesLeft: 0,
          retryAfterMs: limit.ok === false && limit.reason === 'locked' ? limit.retryAfterMs : deps.limits.perHolder.windowMs,
        };
      }
    }
    const auditResult = result.reason === 'not_verified' ? 'failure' : result.reason;
    await deps.audit({ result: auditResult, reason, emailHash, clientHash, orderId: null });
    const remaining = deps.minimumFailureMs - (deps.now().getTime() - startedAt);
    // Up to 20 % jitter on top, so an average over many tries still shows no step between causes.
    if (remaining > 0) await deps.sleep(remaining + deps.random() * deps.minimumFailureMs * 0.2);
    return result;
  };

  const limit = await checkAttemptLimits(deps.counters, deps.limits, scope);
  if (!limit.ok) {
    return limit.reason === 'locked'
      ? fail({ ok: false, reason: 'locked', retryAfterMs: limit.retryAfterMs }, 'locked', false)
      : fail({ ok: false, reason: 'unavailable' }, 'limits_unavailable', false);
  }
  if (!reference.ok) return fail({ ok: false, reason: 'not_verified' }, `reference_${reference.reason}`, true);
  if (!email.ok || !emailHash) return fail({ ok: false, reason: 'not_verified' }, `email_${email.ok ? 'invalid' : email.reason}`, true);

  const found = await findOrderRecords(deps, reference);
  if (!found.ok) return fail({ ok: false, reason: 'unavailable' }, 'shopify_unavailable', false);

  const match = matchOrderRecord(found.records, reference, emailHash, deps.nameFormat);
  if (!match.ok) {
    // While Shopify is down only snapshots of orders someone already looked up exist; answering
    // "not verified" then would tell those orders apart from unknown ones.
    if (found.stale) return fail({ ok: false, reason: 'unavailable' }, `stale_${match.reason}`, true);
    return fail({ ok: false, reason: 'not_verified' }, match.reason, true);
  }

  const grant = await deps.createGrant({
    kind: 'order',
    subject: match.record.orderId,
    door: input.door,
    expiresAt: new Date(deps.now().getTime() + deps.grantTtlMs),
  });
  await deps.audit({ result: 'success', reason: found.source, emailHash, clientHash, orderId: match.record.orderId });
  return { ok: true, record: match.record, grantId: grant.id, stale: found.stale };
}
