import { describe, expect, it } from 'vitest';
import { computeWebhookHmac, verifyWebhookHmac } from './webhook-hmac';
import { parseJsonLossless, readWebhookHeaders } from './webhook-request';

const bytes = (text: string) => new TextEncoder().encode(text);
// shopify-api.md §6.3
const VECTOR_BODY = '{"id":820982911946154508,"email":"jon@example.com","name":"#9999"}';
const VECTOR_HMAC = 'GHRA62rRonufCGcinoJEGFXXDPAEMt9WRVI1Q51xtjw=';

describe('webhook HMAC', () => {
  it('matches the documented test vector', () => {
    expect(computeWebhookHmac('hush', bytes(VECTOR_BODY))).toBe(VECTOR_HMAC);
    expect(verifyWebhookHmac('hush', bytes(VECTOR_BODY), VECTOR_HMAC)).toBe(true);
  });

  it('refuses another secret, a changed byte, a truncated or re-encoded signature', () => {
    expect(verifyWebhookHmac('hush!', bytes(VECTOR_BODY), VECTOR_HMAC)).toBe(false);
    expect(verifyWebhookHmac('hush', bytes(VECTOR_BODY.replace('#9999', '#9998')), VECTOR_HMAC)).toBe(false);
    expect(verifyWebhookHmac('hush', bytes(`${VECTOR_BODY} `), VECTOR_HMAC)).toBe(false);
    expect(verifyWebhookHmac('hush', bytes(VECTOR_BODY), VECTOR_HMAC.slice(0, -1))).toBe(false);
    const hex = Buffer.from(VECTOR_HMAC, 'base64').toString('hex');
    expect(verifyWebhookHmac('hush', bytes(VECTOR_BODY), hex)).toBe(false);
    expect(verifyWebhookHmac('', bytes(VECTOR_BODY), computeWebhookHmac('', bytes(VECTOR_BODY)))).toBe(false);
  });

  it('signs raw bytes, not a re-serialisation of the JSON', () => {
    const spaced = '{"id": 820982911946154508, "email": "jon@example.com", "name": "#9999"}';
    expect(verifyWebhookHmac('hush', bytes(spaced), VECTOR_HMAC)).toBe(false);
  });
});

describe('parseJsonLossless', () => {
  it('keeps 64-bit ids exact and leaves everything else as JSON.parse would', () => {
    expect(parseJsonLossless(VECTOR_BODY)).toEqual({ id: '820982911946154508', email: 'jon@example.com', name: '#9999' });
    const text = '{"a":5512345678901,"b":-1.5e3,"c":"9999999999999999999 \\" 12345678901234567","d":[1,12345678901234567890]}';
    expect(parseJsonLossless(text)).toEqual({ a: 5512345678901, b: -1500, c: '9999999999999999999 " 12345678901234567', d: [1, '12345678901234567890'] });
    expect(() => parseJsonLossless('{"a":')).toThrow();
  });
});

describe('readWebhookHeaders', () => {
  const base = {
    'X-Shopify-Topic': 'orders/updated',
    'X-Shopify-Hmac-Sha256': VECTOR_HMAC,
    'X-Shopify-Shop-Domain': 'acme-outdoors.myshopify.com',
    'X-Shopify-Webhook-Id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    'X-Shopify-API-Version': '2025-01',
  };

  it('reads headers case-insensitively', () => {
    const lower = Object.fromEntries(Object.entries(base).map(([k, v]) => [k.toLowerCase(), v]));
    expect(readWebhookHeaders(new Headers(lower))).toMatchObject({ topic: 'orders/updated', shopDomain: 'acme-outdoors.myshopify.com' });
  });

  it.each(Object.keys(base))('refuses a delivery without %s', (name) => {
    const headers = new Headers(base);
    headers.delete(name);
    expect(readWebhookHeaders(headers)).toBeNull();
  });

  it('refuses a shop domain that is not a myshopify.com shop', () => {
    expect(readWebhookHeaders(new Headers({ ...base, 'X-Shopify-Shop-Domain': 'evil.example.com' }))).toBeNull();
  });
});
