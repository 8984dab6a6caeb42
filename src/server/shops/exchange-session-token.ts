import { z } from 'zod';

/** OAuth 2.0 token exchange (RFC 8693) as Shopify names it (shopify.dev "Exchange a session token for an access token"). */
export const TOKEN_EXCHANGE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';
export const ONLINE_ACCESS_TOKEN_TYPE = 'urn:shopify:params:oauth:token-type:online-access-token';
export const OFFLINE_ACCESS_TOKEN_TYPE = 'urn:shopify:params:oauth:token-type:offline-access-token';

// Offline (shop) access token response: `{ access_token, scope }` (shopify.dev "Exchange a session token for an access token").
const offlineTokenResponse = z.object({ access_token: z.string().min(1), scope: z.string().default('') });

// Online access token response: the token plus the staff member it acts for (shopify-api-js OnlineAccessInfo).
const onlineTokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  associated_user: z.object({
    id: z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]),
    first_name: z.string().max(200).nullish(),
    last_name: z.string().max(200).nullish(),
    email: z.email().max(320),
    email_verified: z.boolean().optional(),
    account_owner: z.boolean(),
    collaborator: z.boolean().optional(),
  }),
});

/** Who Shopify says is looking: only what the dashboard needs. The online access token itself is dropped. */
export type StaffMember = {
  userId: string;
  email: string;
  name: string;
  accountOwner: boolean;
  emailVerified: boolean;
  collaborator: boolean;
  /** Seconds the online token Shopify issued stays valid (about 24 h). */
  expiresInSeconds: number;
};

type ExchangerOptions = { clientId: string; clientSecret: string; timeoutMs: number; fetch?: typeof fetch };

async function postTokenExchange(
  doFetch: typeof fetch,
  options: ExchangerOptions,
  request: { adminOrigin: string; sessionToken: string; requestedTokenType: string },
): Promise<unknown> {
  const response = await doFetch(`${request.adminOrigin}/admin/oauth/access_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      client_id: options.clientId,
      client_secret: options.clientSecret,
      grant_type: TOKEN_EXCHANGE_GRANT_TYPE,
      subject_token: request.sessionToken,
      subject_token_type: ID_TOKEN_TYPE,
      requested_token_type: request.requestedTokenType,
    }),
    redirect: 'error',
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  if (!response.ok) throw new Error(`token exchange failed with HTTP ${response.status}`);
  return response.json();
}

export type ExchangeSessionToken = (request: { adminOrigin: string; sessionToken: string }) => Promise<StaffMember>;

/**
 * Exchanges an admin session token for an online access token and keeps the `associated_user` from it:
 * POST {adminOrigin}/admin/oauth/access_token (JSON). Throws on any non-2xx (Shopify answers 400 for an expired
 * or invalid session token) or unexpected body; callers turn that into one refusal and never echo it.
 */
export function createSessionTokenExchanger(options: ExchangerOptions): ExchangeSessionToken {
  const doFetch = options.fetch ?? fetch;
  return async ({ adminOrigin, sessionToken }) => {
    const body = onlineTokenResponse.parse(
      await postTokenExchange(doFetch, options, { adminOrigin, sessionToken, requestedTokenType: ONLINE_ACCESS_TOKEN_TYPE }),
    );
    const user = body.associated_user;
    const name = [user.first_name, user.last_name].filter((part): part is string => Boolean(part && part.trim())).join(' ');
    return {
      userId: String(user.id),
      email: user.email.trim().toLowerCase(),
      name: name || user.email,
      accountOwner: user.account_owner,
      emailVerified: user.email_verified ?? false,
      collaborator: user.collaborator ?? false,
      expiresInSeconds: body.expires_in,
    };
  };
}

export type ExchangeForOfflineToken = (request: { adminOrigin: string; sessionToken: string }) => Promise<{ accessToken: string; scope: string }>;

/**
 * Shopify-managed install: exchanges an admin session token for the shop's OFFLINE access token (the one every
 * lookup and webhook reconcile uses), the same POST with `requested_token_type` offline. Throws on any non-2xx
 * (400 for an invalid or expired session token) or unexpected body; callers never echo it.
 */
export function createOfflineTokenExchanger(options: ExchangerOptions): ExchangeForOfflineToken {
  const doFetch = options.fetch ?? fetch;
  return async ({ adminOrigin, sessionToken }) => {
    const body = offlineTokenResponse.parse(
      await postTokenExchange(doFetch, options, { adminOrigin, sessionToken, requestedTokenType: OFFLINE_ACCESS_TOKEN_TYPE }),
    );
    return { accessToken: body.access_token, scope: body.scope };
  };
}
