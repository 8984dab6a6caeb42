/** OAuth authorization-code grant (shopify-api.md §5.3) plus the client-credentials grant. */
import { createHmac, randomBytes } from 'node:crypto';
import { exchangeSessionToken } from './session-tokens';
import type { DemoStore } from './store';

/**
 * Hex HMAC-SHA256 of the query without `hmac`/`signature`: keys sorted, `k=v` URL-encoded (spaces as %20),
 * joined with `&` — what Shopify puts in `hmac` on install and callback redirects.
 */
export function signOAuthQuery(params: URLSearchParams | Record<string, string>, secret: string): string {
  const list = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const message = list
    .filter(([k]) => k !== 'hmac' && k !== 'signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return createHmac('sha256', secret).update(message).digest('hex');
}

export interface OAuthResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface PendingCode {
  shop: string;
  scope: string;
  used: boolean;
  issuedAt: number;
}

export class OAuthServer {
  private readonly codes = new Map<string, PendingCode>();

  constructor(
    private readonly store: DemoStore,
    public clientId: string,
    public clientSecret: string,
  ) {}

  /** GET /admin/oauth/authorize: the merchant "approves" instantly; 302 back to the app with a signed query. */
  authorize(shop: string, params: URLSearchParams): OAuthResult {
    const redirectUri = params.get('redirect_uri');
    if (params.get('client_id') !== this.clientId) {
      return { status: 400, body: { error: 'invalid_request', error_description: 'Oauth error invalid_request: The client_id is not valid' } };
    }
    if (!redirectUri || !/^https?:\/\//.test(redirectUri)) {
      return {
        status: 400,
        body: { error: 'invalid_request', error_description: 'Oauth error invalid_request: The redirect_uri is missing or not whitelisted' },
      };
    }
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { shop, scope: params.get('scope') ?? '', used: false, issuedAt: Date.now() });
    const q = new URLSearchParams({
      code,
      host: Buffer.from(`admin.shopify.com/store/${shop.replace('.myshopify.com', '')}`).toString('base64url'),
      shop,
      state: params.get('state') ?? '',
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    q.set('hmac', signOAuthQuery(q, this.clientSecret));
    const target = new URL(redirectUri);
    q.forEach((v, k) => target.searchParams.set(k, v));
    return { status: 302, headers: { Location: target.toString() } };
  }

  /** POST /admin/oauth/access_token with JSON or form body. Codes are single use. */
  accessToken(shop: string, rawBody: string, contentType: string): OAuthResult {
    let body: Record<string, string> = {};
    try {
      body = contentType.includes('json') ? (JSON.parse(rawBody) as Record<string, string>) : Object.fromEntries(new URLSearchParams(rawBody));
    } catch {
      return { status: 400, body: { error: 'invalid_request', error_description: 'Malformed request body' } };
    }
    if (body.client_id !== this.clientId || body.client_secret !== this.clientSecret) {
      return { status: 400, body: { error: 'invalid_request', error_description: 'Oauth error invalid_request: Client credentials are invalid' } };
    }
    if (body.grant_type === 'client_credentials') {
      const scope = 'read_orders,read_customers';
      return { status: 200, body: { access_token: this.store.issueToken(shop, scope.split(',')), scope, expires_in: 86399 } };
    }
    if (body.grant_type === 'urn:ietf:params:oauth:grant-type:token-exchange') {
      const scopes = this.store.shop(shop)?.scopes ?? [];
      return exchangeSessionToken(shop, body, {
        clientId: this.clientId,
        clientSecret: this.clientSecret,
        issueToken: (s, sc) => this.store.issueToken(s, sc),
        scopes,
      });
    }
    const pending = body.code ? this.codes.get(body.code) : undefined;
    if (!pending || pending.used || pending.shop !== shop) {
      return {
        status: 400,
        body: { error: 'invalid_request', error_description: 'Oauth error invalid_request: The authorization code was not found or was already used' },
      };
    }
    pending.used = true;
    const scopes = pending.scope
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return { status: 200, body: { access_token: this.store.issueToken(shop, scopes), scope: scopes.join(',') } };
  }
}
