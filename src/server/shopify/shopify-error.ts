export type ShopifyErrorKind = 'unauthorized' | 'forbidden' | 'throttled' | 'unavailable' | 'timeout' | 'bad_response';

/**
 * A Shopify call that did not produce an answer. `kind` is the closed set callers branch on
 * (e.g. serve the last known status on `throttled` / `unavailable` / `timeout`). Messages name the
 * shop and what happened, never the access token or the response body.
 */
export class ShopifyError extends Error {
  readonly kind: ShopifyErrorKind;
  readonly shopDomain: string;
  readonly status?: number;

  constructor(kind: ShopifyErrorKind, shopDomain: string, message: string, options?: { status?: number; cause?: unknown }) {
    super(`Shopify ${kind} (${shopDomain}): ${message}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ShopifyError';
    this.kind = kind;
    this.shopDomain = shopDomain;
    if (options?.status !== undefined) this.status = options.status;
  }

  /** Worth trying again later (the caller may serve a cached answer meanwhile). */
  get transient(): boolean {
    return this.kind === 'throttled' || this.kind === 'unavailable' || this.kind === 'timeout';
  }
}
