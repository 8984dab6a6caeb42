import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoShop, type DemoShop } from './server';
import { mintSessionToken } from './session-tokens';
import { findStaff } from './staff';
import { graphqlRequest } from './client';

const ACME = 'acme-outdoors.myshopify.com';
let demo: DemoShop;

beforeAll(async () => {
  demo = await startDemoShop({ port: 0 });
});
afterAll(async () => {
  await demo?.close();
});

const OFFLINE = 'urn:shopify:params:oauth:token-type:offline-access-token';
const exchange = (shop: string, subjectToken: string, requested = 'urn:shopify:params:oauth:token-type:online-access-token', secret?: string) =>
  fetch(`${demo.url}/shops/${shop}/admin/oauth/access_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: demo.clientId,
      client_secret: secret ?? demo.clientSecret,
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: subjectToken,
      subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
      requested_token_type: requested,
    }),
  });
const token = (shop: string, nowMs?: number) =>
  mintSessionToken({ shop, staff: findStaff(70002)!, clientId: demo.clientId, clientSecret: demo.clientSecret, ...(nowMs ? { nowMs } : {}) });

describe('demo shop as Shopify admin', () => {
  it('answers the token exchange with an online token carrying the staff member', async () => {
    const response = await exchange(ACME, token(ACME));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { expires_in: number; associated_user: { id: number; email: string; account_owner: boolean } };
    expect(body.expires_in).toBe(86399);
    expect(body.associated_user).toMatchObject({ id: 70002, email: 'support@example.com', account_owner: false });
  });

  it('refuses expired tokens and tokens for another shop with 400, like Shopify', async () => {
    expect((await exchange(ACME, token(ACME, Date.now() - 10 * 60_000))).status).toBe(400);
    expect((await exchange(ACME, token('tiny-tea.myshopify.com'))).status).toBe(400);
    expect((await exchange(ACME, `${token(ACME)}x`)).status).toBe(400);
  });

  it('answers an offline request with the shop token only (no user), usable for that shop and no other', async () => {
    const FRESH = 'fresh-fields.myshopify.com';
    const response = await exchange(FRESH, token(FRESH), OFFLINE);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'scope']);
    const accessToken = String(body.access_token);
    expect((await graphqlRequest(demo, FRESH, '{ shop { name } }', {}, { token: accessToken })).body).toMatchObject({
      data: { shop: { name: 'Fresh Fields Farm' } },
    });
    const elsewhere = await fetch(`${demo.url}/shops/${ACME}/admin/api/2025-01/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Shopify-Access-Token': accessToken },
      body: JSON.stringify({ query: '{ shop { name } }' }),
    });
    expect(elsewhere.status).toBe(401);
  });

  it('refuses a wrong client secret, a foreign or expired subject token and an unknown token type, with Shopify-shaped errors', async () => {
    const wrongSecret = await exchange(ACME, token(ACME), OFFLINE, 'not-the-secret');
    expect(wrongSecret.status).toBe(400);
    expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_request' });
    for (const subject of [token('tiny-tea.myshopify.com'), token(ACME, Date.now() - 10 * 60_000), `${token(ACME)}x`]) {
      const refused = await exchange(ACME, subject, OFFLINE);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: 'invalid_subject_token' });
    }
    const unknownType = await exchange(ACME, token(ACME), 'urn:shopify:params:oauth:token-type:forever-token');
    expect(unknownType.status).toBe(400);
    expect(await unknownType.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('serves the admin page framing /embedded with a session token, the id-token endpoint and the App Bridge stand-in', async () => {
    const page = await (await fetch(`${demo.url}/store/acme-outdoors/apps/${demo.clientId}?app=http://localhost:3000`)).text();
    const src = /<iframe[^>]+src="([^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
    const url = new URL(src!);
    expect(url.origin + url.pathname).toBe('http://localhost:3000/embedded');
    expect(url.searchParams.get('shop')).toBe(ACME);
    expect(url.searchParams.get('embedded')).toBe('1');
    expect(url.searchParams.get('host')).toBeTruthy();
    expect(url.searchParams.get('id_token')?.split('.')).toHaveLength(3);
    const fresh = (await (await fetch(`${demo.url}/store/acme-outdoors/apps/${demo.clientId}/id-token?staff=70001`)).json()) as { idToken: string };
    expect((await exchange(ACME, fresh.idToken)).status).toBe(200);
    expect((await fetch(`${demo.url}/store/acme-outdoors/apps/another-app`)).status).toBe(404);
    const script = await (await fetch(`${demo.url}/app-bridge.js`)).text();
    expect(script).toContain('shopify-reload');
    expect(script).toContain(JSON.stringify(demo.url));
  });
});
