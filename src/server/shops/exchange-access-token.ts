import { z } from 'zod';

const tokenResponse = z.object({ access_token: z.string().min(1), scope: z.string().default('') });

export type ExchangeAccessTokenOptions = { timeoutMs: number; fetch?: typeof fetch };

/**
 * OAuth code grant, step 4: POST {adminOrigin}/admin/oauth/access_token with the app's credentials.
 * Throws on any non-2xx answer or unexpected body; the caller maps that to one refusal, never echoing it.
 */
export function createCodeExchanger(options: ExchangeAccessTokenOptions) {
  const doFetch = options.fetch ?? fetch;
  return async (request: { adminOrigin: string; clientId: string; clientSecret: string; code: string }) => {
    const response = await doFetch(`${request.adminOrigin}/admin/oauth/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ client_id: request.clientId, client_secret: request.clientSecret, code: request.code }),
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!response.ok) throw new Error(`access_token exchange failed with HTTP ${response.status}`);
    const body = tokenResponse.parse(await response.json());
    return { accessToken: body.access_token, scope: body.scope };
  };
}
