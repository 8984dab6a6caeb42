import { isShopDomain } from '../shops/shop-domain';

/** What the dispatcher needs from an HTTP request; the route adapts a Fetch `Request` to it. */
export type WebhookRequest = {
  method: string;
  /** Case-insensitive lookup, like `Headers.get`. */
  headers: { get(name: string): string | null };
  /** The body bytes exactly as received, read before any JSON parsing. */
  body: Uint8Array;
};

export type WebhookHeaders = {
  topic: string;
  hmac: string;
  shopDomain: string;
  webhookId: string;
  apiVersion: string;
  triggeredAt: Date | null;
  eventId: string | null;
};

/** Reads Shopify's delivery headers; null when a required one is missing or the shop domain is malformed. */
export function readWebhookHeaders(headers: WebhookRequest['headers']): WebhookHeaders | null {
  const read = (name: string) => headers.get(name)?.trim() || null;
  const topic = read('x-shopify-topic');
  const hmac = read('x-shopify-hmac-sha256');
  const shopDomain = read('x-shopify-shop-domain')?.toLowerCase() ?? null;
  const webhookId = read('x-shopify-webhook-id');
  const apiVersion = read('x-shopify-api-version');
  if (!topic || !hmac || !shopDomain || !webhookId || !apiVersion) return null;
  if (!isShopDomain(shopDomain) || webhookId.length > 200 || topic.length > 100) return null;
  const triggered = read('x-shopify-triggered-at');
  const triggeredAt = triggered ? new Date(triggered) : null;
  return {
    topic: topic.toLowerCase(),
    hmac,
    shopDomain,
    webhookId,
    apiVersion,
    triggeredAt: triggeredAt && !Number.isNaN(triggeredAt.getTime()) ? triggeredAt : null,
    eventId: read('x-shopify-event-id'),
  };
}

/**
 * JSON.parse that keeps integers too large for a double as strings. Shopify ids are 64-bit; parsed as
 * numbers, `820982911946154508` would silently become `820982911946154500` and name the wrong order.
 */
export function parseJsonLossless(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      if (match) {
        const token = match[0];
        const isBigInteger = !match[1] && !match[2] && token.replace('-', '').length > 15;
        out += isBigInteger ? `"${token}"` : token;
        i += token.length - 1;
        continue;
      }
    }
    out += ch;
  }
  return JSON.parse(out);
}
