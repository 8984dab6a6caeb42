/** Webhook delivery the way Shopify does it: 8 headers, base64 HMAC of the exact bytes sent. */
import { createHmac, randomUUID } from 'node:crypto';

export function signWebhookBody(body: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

export interface WebhookOptions {
  shop: string;
  topic: string;
  /** Serialised with JSON.stringify unless `rawBody` is given. */
  payload?: unknown;
  /** Exact bytes to send (e.g. ids beyond 2^53 that a JS number would round). */
  rawBody?: string;
  url: string;
  /** Defaults to the app's client secret. */
  secret?: string;
  apiVersion?: string;
  webhookId?: string;
  eventId?: string;
  name?: string;
  triggeredAt?: string;
  /** `body`: sign one body, send another; `hmac`: send a wrong signature; `missing`: omit the HMAC header. */
  tamper?: boolean | 'body' | 'hmac' | 'missing';
  timeoutMs?: number;
}

export interface WebhookDelivery {
  url: string;
  status: number;
  ok: boolean;
  responseBody: string;
  requestBody: string;
  headers: Record<string, string>;
  error?: string;
}

export async function sendWebhook(options: WebhookOptions, defaultSecret: string): Promise<WebhookDelivery> {
  const requestBody = options.rawBody ?? JSON.stringify(options.payload ?? {});
  const secret = options.secret ?? defaultSecret;
  const tamper = options.tamper === true ? 'body' : options.tamper;
  let hmac = signWebhookBody(requestBody, secret);
  if (tamper === 'hmac') hmac = signWebhookBody(`${requestBody} `, secret);
  const sentBody = tamper === 'body' ? requestBody.replace(/}$/, ',"tampered":true}') : requestBody;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Shopify-Topic': options.topic,
    'X-Shopify-Shop-Domain': options.shop,
    'X-Shopify-API-Version': options.apiVersion ?? '2025-01',
    'X-Shopify-Webhook-Id': options.webhookId ?? randomUUID(),
    'X-Shopify-Event-Id': options.eventId ?? randomUUID(),
    'X-Shopify-Triggered-At': options.triggeredAt ?? new Date().toISOString(),
    ...(tamper === 'missing' ? {} : { 'X-Shopify-Hmac-Sha256': hmac }),
    ...(options.name ? { 'X-Shopify-Name': options.name } : {}),
  };
  try {
    const res = await fetch(options.url, {
      method: 'POST',
      headers,
      body: sentBody,
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
    const responseBody = await res.text();
    return { url: options.url, status: res.status, ok: res.ok, responseBody, requestBody: sentBody, headers };
  } catch (e) {
    return { url: options.url, status: 0, ok: false, responseBody: '', requestBody: sentBody, headers, error: e instanceof Error ? e.message : String(e) };
  }
}
