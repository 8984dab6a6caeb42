import { describe, expect, it } from 'vitest';
import { createOfflineTokenExchanger, createSessionTokenExchanger } from './exchange-session-token';

const online = {
  access_token: 'shpua_secret_online_token',
  scope: 'read_orders',
  expires_in: 86399,
  associated_user_scope: 'read_orders',
  associated_user: {
    id: 902541635,
    first_name: 'John',
    last_name: 'Smith',
    email: 'John@Example.com',
    email_verified: true,
    account_owner: true,
    locale: 'en',
    collaborator: false,
  },
};

function fakeFetch(status: number, body: unknown, seen: { url?: string; init?: RequestInit } = {}): typeof fetch {
  return (async (url: string, init?: RequestInit) => {
    seen.url = url;
    seen.init = init;
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe('createSessionTokenExchanger', () => {
  it('posts the token-exchange grant Shopify documents and keeps only the staff member', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const exchange = createSessionTokenExchanger({ clientId: 'id', clientSecret: 'secret', timeoutMs: 1000, fetch: fakeFetch(200, online, seen) });
    const staff = await exchange({ adminOrigin: 'https://acme.myshopify.com', sessionToken: 'jwt' });
    expect(seen.url).toBe('https://acme.myshopify.com/admin/oauth/access_token');
    expect(JSON.parse(String(seen.init?.body))).toEqual({
      client_id: 'id',
      client_secret: 'secret',
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: 'jwt',
      subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
      requested_token_type: 'urn:shopify:params:oauth:token-type:online-access-token',
    });
    expect(staff).toEqual({
      userId: '902541635',
      email: 'john@example.com',
      name: 'John Smith',
      accountOwner: true,
      emailVerified: true,
      collaborator: false,
      expiresInSeconds: 86399,
    });
    expect(JSON.stringify(staff)).not.toContain('shpua_');
  });

  it('throws on a refusal (Shopify answers 400 for an invalid session token) and on an offline answer', async () => {
    const refused = createSessionTokenExchanger({
      clientId: 'id',
      clientSecret: 's',
      timeoutMs: 1000,
      fetch: fakeFetch(400, { error: 'invalid_subject_token' }),
    });
    await expect(refused({ adminOrigin: 'https://a.myshopify.com', sessionToken: 'x' })).rejects.toThrow(/HTTP 400/);
    const offline = createSessionTokenExchanger({
      clientId: 'id',
      clientSecret: 's',
      timeoutMs: 1000,
      fetch: fakeFetch(200, { access_token: 'shpat_x', scope: 'read_orders' }),
    });
    await expect(offline({ adminOrigin: 'https://a.myshopify.com', sessionToken: 'x' })).rejects.toThrow();
  });

  it('treats a missing email_verified as not verified', async () => {
    const { email_verified: _dropped, ...user } = online.associated_user;
    const exchange = createSessionTokenExchanger({
      clientId: 'id',
      clientSecret: 's',
      timeoutMs: 1000,
      fetch: fakeFetch(200, { ...online, associated_user: user }),
    });
    expect((await exchange({ adminOrigin: 'https://a.myshopify.com', sessionToken: 'x' })).emailVerified).toBe(false);
  });

  it('asks for the offline token with the same grant and keeps the token and scope (managed install)', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const exchange = createOfflineTokenExchanger({
      clientId: 'id',
      clientSecret: 'secret',
      timeoutMs: 1000,
      fetch: fakeFetch(200, { access_token: 'shpat_offline', scope: 'read_orders,read_fulfillments' }, seen),
    });
    expect(await exchange({ adminOrigin: 'https://acme.myshopify.com', sessionToken: 'jwt' })).toEqual({
      accessToken: 'shpat_offline',
      scope: 'read_orders,read_fulfillments',
    });
    expect(JSON.parse(String(seen.init?.body))).toMatchObject({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: 'jwt',
      subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
      requested_token_type: 'urn:shopify:params:oauth:token-type:offline-access-token',
    });
    const refused = createOfflineTokenExchanger({
      clientId: 'id',
      clientSecret: 'secret',
      timeoutMs: 1000,
      fetch: fakeFetch(400, { error: 'invalid_subject_token' }),
    });
    await expect(refused({ adminOrigin: 'https://acme.myshopify.com', sessionToken: 'jwt' })).rejects.toThrow('HTTP 400');
    const empty = createOfflineTokenExchanger({ clientId: 'id', clientSecret: 'secret', timeoutMs: 1000, fetch: fakeFetch(200, { scope: 'read_orders' }) });
    await expect(empty({ adminOrigin: 'https://acme.myshopify.com', sessionToken: 'jwt' })).rejects.toThrow();
  });
});
