import type { Locale } from '@/domain/i18n/locales';
import type { OrderRecord } from '@/domain/orders/order-record';
import type { Shop } from '@/domain/shops/shop';
import { relearnOrderNameFormat } from '@/domain/orders/order-name-format';
import { describeVerifyFailure } from '@/domain/verification/verify-failure-message';
import { verifyOrder, type Door } from '@/domain/verification/verify-order';
import { recordOrderViewed, sessionInquiryId } from '../../analytics/lookup-events';
import { verifyOrderDeps } from '../../wiring/order-deps';
import type { Services } from '../../services';

export type VerifyAnswer =
  | { status: 'verified'; record: OrderRecord; stale: boolean }
  | { status: 'unavailable'; message: string }
  /** `triesLeft` / `retryAfterSeconds` only near the limit (see VerifyOrderResult), so the form can warn and pause. */
  | { status: 'not_verified'; message: string; triesLeft?: 0 | 1; retryAfterSeconds?: number }
  | { status: 'locked'; message: string; retryAfterSeconds: number };

/**
 * Order number + email → an order grant for `holderHash` in this shop, or one uniform failure with the message
 * the shopper reads in their `locale` (every door and the chat agent say the same). `inquiryId` groups analytics: the
 * conversation in chat, the browser session's inquiry elsewhere.
 */
export async function verifyShopperOrder(
  services: Services,
  input: { shop: Shop; holderHash: string; clientAddress: string | null; door: Door; reference: string; email: string; inquiryId?: string; locale?: Locale },
): Promise<VerifyAnswer> {
  const { shop, holderHash, door } = input;
  const inquiryId = input.inquiryId ?? sessionInquiryId(services, holderHash);
  const result = await verifyOrder(verifyOrderDeps(services, shop, holderHash, door, inquiryId), {
    reference: input.reference,
    email: input.email,
    holderHash,
    clientAddress: input.clientAddress,
    door,
  });
  if (result.ok) {
    recordOrderViewed(services, shop.id, { door, inquiryId }, { record: result.record });
    followOrderNameFormat(services, shop, result.record);
    return { status: 'verified', record: result.record, stale: result.stale };
  }
  const message = describeVerifyFailure(result, input.locale);
  if (result.reason === 'locked') return { status: 'locked', message, retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000) };
  if (result.reason === 'not_verified' && result.triesLeft !== undefined) {
    const pause = result.retryAfterMs === undefined ? {} : { retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000) };
    return { status: 'not_verified', message, triesLeft: result.triesLeft, ...pause };
  }
  return { status: result.reason, message };
}

/**
 * A shop connected before its first order, or whose merchant changed the "Order ID format", learns the format
 * from the newest order a shopper verifies, so examples (`for example NT-1001`) and parsing follow it. Off the
 * shopper's path: a failure is logged, never shown.
 */
function followOrderNameFormat(services: Services, shop: Shop, record: OrderRecord): void {
  const stored = { format: shop.settings.orderNameFormat ?? null, seenAt: shop.settings.orderNameFormatSeenAt ?? null };
  const format = relearnOrderNameFormat(stored, { orderName: record.orderName, placedAt: record.view.placedAt.at });
  if (!format) return;
  services.shops
    .learnOrderNameFormat(shop, format, record.view.placedAt.at)
    .catch((error: unknown) =>
      services.logger.warn('could not store the order name format', { shop: shop.domain, error: error instanceof Error ? error.message : String(error) }),
    );
}
