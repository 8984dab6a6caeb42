import { randomUUID } from 'node:crypto';
import { computeWebhookHmac } from '@/domain/webhooks/webhook-hmac';
import type { WebhookRequest } from '@/domain/webhooks/webhook-request';

export type TestWebhook = {
  topic: string;
  shop: string;
  body: unknown;
  secret: string;
  webhookId?: string;
  triggeredAt?: Date;
  /** Replaces the computed signature (forgery tests). */
  hmac?: string;
};

/** Builds a delivery the way Shopify does (raw JSON bytes, base64 HMAC, X-Shopify-* headers); for tests. */
export function signTestWebhook(input: TestWebhook): WebhookRequest & { headers: Headers; rawBody: string } {
  const rawBody = typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
  const body = new TextEncoder().encode(rawBody);
  const headers = new Headers({
    'content-type': 'application/json',
    'x-shopify-topic': input.topic,
    'x-shopify-hmac-sha256': input.hmac ?? computeWebhookHmac(input.secret, body),
    'x-shopify-shop-domain': input.shop,
    'x-shopify-api-version': '2025-01',
    'x-shopify-webhook-id': input.webhookId ?? randomUUID(),
    'x-shopify-triggered-at': (input.triggeredAt ?? new Date()).toISOString(),
  });
  return { method: 'POST', headers, body, rawBody };
}
