import { createHmac } from 'node:crypto';
import { sameBytes } from '../crypto/same-bytes';

/** Base64 HMAC-SHA256 of the raw body bytes, the way Shopify signs a webhook (`X-Shopify-Hmac-Sha256`). */
export function computeWebhookHmac(secret: string, rawBody: Uint8Array): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/**
 * True only when `header` is the signature of exactly these bytes under `secret`; constant time.
 * Must be given the bytes as received: re-serialised JSON does not hash the same.
 */
export function verifyWebhookHmac(secret: string, rawBody: Uint8Array, header: string): boolean {
  if (!secret) return false;
  const expected = Buffer.from(computeWebhookHmac(secret, rawBody), 'utf8');
  const given = Buffer.from(header.trim(), 'utf8');
  return sameBytes(given, expected);
}
