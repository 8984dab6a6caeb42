import { DEFAULT_DEEP_LINK_LIFETIME_SECONDS } from './deep-link';

export type LiquidSnippetInput = { appUrl: string; shopDomain: string; secret: string; lifetimeSeconds?: number };

/**
 * The Liquid a merchant pastes into the Order confirmation and Shipping confirmation templates: it mints a
 * signed deep link (see deep-link.ts) at send time with Shopify's own `hmac_sha256` filter. `id` is the
 * order's numeric id in those templates; `'now' | date: '%s'` is the send time in Unix seconds.
 */
export function buildLiquidSnippet(input: LiquidSnippetInput): string {
  const base = `${input.appUrl.replace(/\/+$/, '')}/t/${input.shopDomain}/o/`;
  const lifetime = input.lifetimeSeconds ?? DEFAULT_DEEP_LINK_LIFETIME_SECONDS;
  return [
    `{%- assign osa_expires = 'now' | date: '%s' | plus: ${lifetime} -%}`,
    `{%- assign osa_payload = id | append: '.' | append: osa_expires -%}`,
    `{%- assign osa_signature = osa_payload | hmac_sha256: '${input.secret}' -%}`,
    `<a href="${base}{{ osa_payload }}.{{ osa_signature }}">Track your order</a>`,
  ].join('\n');
}
