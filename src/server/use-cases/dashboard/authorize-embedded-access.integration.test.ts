import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoShop, type DemoShop } from '../../../../demo-shop/server';
import { mintSessionToken } from '../../../../demo-shop/session-tokens';
import { findStaff, type StaffAccount } from '../../../../demo-shop/staff';
import { signSessionToken } from '@/domain/embedded/session-token';
import type { Shop } from '@/domain/shops/shop';
import { AppError } from '@/server/app-error';
import type { Services } from '@/server/services';
import {
  createOfflineTokenExchanger,
  createSessionTokenExchanger,
  type ExchangeForOfflineToken,
  type ExchangeSessionToken,
} from '@/server/shops/exchange-session-token';
import { shops as shopsTable } from '@/server/db/schema';
import { eq } from 'drizzle-orm';
import { MANAGED_INSTALL_FAILED_MESSAGE } from '../shops/install-shop-from-session-token';
import { connectDemoShops } from '../../../../test/support/connect-demo-shops';
import { createTestServices } from '../../../../test/support/test-services';
import { authorizeEmbeddedAccess, EMBEDDED_OWNER_ONLY_MESSAGE, EMBEDDED_UNVERIFIED_MESSAGE, SessionTokenRejected } from './authorize-embedded-access';
import { changeSettings, viewOverview } from './merchant-dashboard';

const ACME = 'acme-outdoors.myshopify.com';
const NORDIC = 'nordic-threads.myshopify.com';
const TINY = 'tiny-tea.myshopify.com';
const FRESH = 'fresh-fields.myshopify.com';
const OWNER = findStaff(70001)!;
const SUPPORT = findStaff(70002)!;
const UNVERIFIED = findStaff(70003)!;

let demo: DemoShop;
let services: Services;
let shops: Map<string, Shop>;
let exchangeCalls: string[];
let exchange: ExchangeSessionToken;
let offlineCalls: string[];
let exchangeOffline: ExchangeForOfflineToken;

beforeAll(async () => {
  demo = await startDemoShop({ port: 0 });
  // Managed install connects a shop at its default Admin API origin: the demo shop's, as SHOPIFY_ADMIN_ORIGIN.
  services = await createTestServices({ SHOPIFY_ADMIN_ORIGIN: `${demo.url}/shops/{shop}` });
  shops = await connectDemoShops(services, demo, [ACME, NORDIC]);
  const real = createSessionTokenExchanger({ clientId: services.env.SHOPIFY_API_KEY, clientSecret: services.env.SHOPIFY_API_SECRET, timeoutMs: 4000 });
  exchange = async (request) => {
    exchangeCalls.push(request.adminOrigin);
    return real(request);
  };
  const realOffline = createOfflineTokenExchanger({ clientId: services.env.SHOPIFY_API_KEY, clientSecret: services.env.SHOPIFY_API_SECRET, timeoutMs: 4000 });
  offlineCalls = [];
  exchangeOffline = async (request) => {
    offlineCalls.push(request.adminOrigin);
    return realOffline(request);
  };
});

afterAll(async () => {
  await services?.close();
  await demo?.close();
});

const tokenFor = (shop: string, staff: StaffAccount) => mintSessionToken({ shop, staff, clientId: demo.clientId, clientSecret: demo.clientSecret });
const open = (idToken: string, shop?: string, deps: { exchange?: ExchangeSessionToken; exchangeOffline?: ExchangeForOfflineToken } = {}) =>
  authorizeEmbeddedAccess(
    services,
    { exchange: deps.exchange ?? exchange, exchangeOffline: deps.exchangeOffline ?? exchangeOffline, now: Date.now },
    { idToken, ...(shop === undefined ? {} : { shop }) },
  );
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('authorizeEmbeddedAccess (demo shop token exchange)', () => {
  it('lets the shop owner in as owner, learning the email from the token exchange, and shows that shop only', async () => {
    exchangeCalls = [];
    const access = await open(tokenFor(ACME, OWNER), ACME);
    expect(access.shop.domain).toBe(ACME);
    expect(access.merchant.email).toBe('merchant@example.com');
    expect(access.membership).toMatchObject({ domain: ACME, role: 'owner' });
    expect(access.staff).toEqual({ userId: '70001', name: 'Mara Owner' });
    expect(exchangeCalls).toEqual([shops.get(ACME)!.apiOrigin]);
    const overview = await viewOverview(services, access, {});
    expect(overview.range.timeZone).toBe(shops.get(ACME)!.timezone);
  });

  it('caches the staff member per shop and staff id, so the next page load makes no Shopify call', async () => {
    exchangeCalls = [];
    await open(tokenFor(ACME, OWNER), ACME);
    await open(tokenFor(ACME, OWNER), ACME);
    expect(exchangeCalls).toHaveLength(0);
    await open(tokenFor(NORDIC, OWNER), NORDIC);
    expect(exchangeCalls).toEqual([shops.get(NORDIC)!.apiOrigin]);
  });

  it('never shows shop B for a token of shop A, whatever the request says', async () => {
    const acmeToken = tokenFor(ACME, OWNER);
    const wrong = await refusal(open(acmeToken, NORDIC));
    expect(wrong).toBeInstanceOf(SessionTokenRejected);
    expect((wrong as SessionTokenRejected).reason).toBe('wrong_shop');
    // The same person owns Nordic too (previous test), yet an Acme token opens Acme.
    expect((await open(acmeToken)).shop.domain).toBe(ACME);
    // A token minted for Nordic but signed by someone without our secret is refused before any lookup.
    const forged = signSessionToken(
      { iss: `https://${NORDIC}/admin`, dest: `https://${NORDIC}`, aud: demo.clientId, sub: '70001', exp: Math.floor(Date.now() / 1000) + 60 },
      'guessed-secret',
    );
    expect(((await refusal(open(forged, NORDIC))) as SessionTokenRejected).reason).toBe('bad_signature');
  });

  it('refuses expired and other-app tokens', async () => {
    const expired = mintSessionToken({ shop: ACME, staff: OWNER, clientId: demo.clientId, clientSecret: demo.clientSecret, nowMs: Date.now() - 5 * 60_000 });
    expect(((await refusal(open(expired, ACME))) as SessionTokenRejected).reason).toBe('expired');
    const otherApp = mintSessionToken({ shop: ACME, staff: OWNER, clientId: 'another-app', clientSecret: demo.clientSecret });
    expect(((await refusal(open(otherApp, ACME))) as SessionTokenRejected).reason).toBe('wrong_audience');
  });

  it('adds other staff as members by default', async () => {
    const access = await open(tokenFor(ACME, SUPPORT), ACME);
    expect(access.membership.role).toBe('member');
    expect(access.merchant.email).toBe('support@example.com');
    expect(await services.members.findMembership('support@example.com', ACME)).toMatchObject({ role: 'member' });
  });

  it('refuses a staff member who is not a member when the shop allows only its owner, adding nobody and showing no numbers', async () => {
    const owner = await open(tokenFor(NORDIC, OWNER), NORDIC);
    expect((await refusal(changeSettings(services, owner, { embeddedStaffAccess: 'everyone' }))).code).toBe('bad_request');
    await changeSettings(services, owner, { embeddedStaffAccess: 'owner_only' });
    const error = await refusal(open(tokenFor(NORDIC, SUPPORT), NORDIC));
    expect(error.code).toBe('forbidden');
    expect(error.message).toBe(EMBEDDED_OWNER_ONLY_MESSAGE);
    expect(await services.members.findMembership('support@example.com', NORDIC)).toBeNull();
    // The owner still gets in; an invited teammate too.
    expect((await open(tokenFor(NORDIC, OWNER), NORDIC)).membership.role).toBe('owner');
    await services.members.addMember({ shopId: shops.get(NORDIC)!.id, email: 'support@example.com', role: 'member' });
    const teammate = await open(tokenFor(NORDIC, SUPPORT), NORDIC);
    expect(teammate.membership.role).toBe('member');
    // Only owners change who may come in from admin.
    expect((await refusal(changeSettings(services, teammate, { embeddedStaffAccess: 'members' }))).code).toBe('forbidden');
  });

  it('refuses a staff member whose email Shopify has not verified', async () => {
    const error = await refusal(open(tokenFor(ACME, UNVERIFIED), ACME));
    expect(error.code).toBe('forbidden');
    expect(error.message).toBe(EMBEDDED_UNVERIFIED_MESSAGE);
    expect(await services.members.findMembership(UNVERIFIED.email, ACME)).toBeNull();
  });

  it('answers unavailable when Shopify does not confirm the staff member, and refuses an answer about someone else', async () => {
    const failing: ExchangeSessionToken = async () => {
      throw new Error('HTTP 502');
    };
    const fresh = mintSessionToken({ shop: NORDIC, staff: { ...SUPPORT, id: 79999 }, clientId: demo.clientId, clientSecret: demo.clientSecret });
    expect((await refusal(open(fresh, NORDIC, { exchange: failing }))).code).toBe('unavailable');
    const impostor: ExchangeSessionToken = async (request) => ({ ...(await exchange(request)), userId: '1' });
    const other = mintSessionToken({ shop: ACME, staff: { ...OWNER, id: 79998 }, clientId: demo.clientId, clientSecret: demo.clientSecret });
    // The demo shop knows no staff 79998, so the real exchange answers 400: unavailable, nobody let in.
    expect((await refusal(open(other, ACME))).code).toBe('unavailable');
    const known = tokenFor(ACME, SUPPORT);
    await services.store.delete(`embedded-staff:${shops.get(ACME)!.id}:70002`);
    expect(((await refusal(open(known, ACME, { exchange: impostor }))) as SessionTokenRejected).reason).toBe('missing_user');
  });
});

describe('Shopify-managed install from admin (session token → offline token)', () => {
  it('installs a shop opened for the first time: offline token stored encrypted, webhooks subscribed, Shopify owner owns it', async () => {
    expect(await services.shops.findShopByDomain(FRESH)).toBeNull();
    offlineCalls = [];
    const access = await open(tokenFor(FRESH, OWNER), FRESH);
    const origin = `${demo.url}/shops/${FRESH}`;
    expect(offlineCalls).toEqual([origin]);
    expect(access.shop).toMatchObject({ domain: FRESH, name: 'Fresh Fields Farm', apiOrigin: origin, uninstalledAt: null });
    expect(access.membership.role).toBe('owner');
    // The token works against the Admin API and is not stored in clear.
    const credentials = await services.shops.getShopCredentials(access.shop);
    expect(demo.data.shop(FRESH)).toBeDefined();
    expect(await services.shopify.fetchShopInfo(credentials)).toMatchObject({ name: 'Fresh Fields Farm' });
    const [row] = await services.db.select().from(shopsTable).where(eq(shopsTable.domain, FRESH));
    expect(row!.accessTokenEncrypted).not.toContain(credentials.accessToken);
    // Same onboarding as the OAuth callback: one subscription per topic at APP_URL, the shop's owner (shop { email }).
    expect(demo.webhookSubscriptions(FRESH).filter((sub) => sub.callbackUrl === `${services.env.APP_URL}/api/webhooks/shopify`).length).toBeGreaterThan(0);
    expect(await services.members.findMembership(`owner@${FRESH}`, FRESH)).toMatchObject({ role: 'owner' });
    // The next load finds the shop: no second install.
    await open(tokenFor(FRESH, SUPPORT), FRESH);
    expect(offlineCalls).toHaveLength(1);
  });

  it('never connects a shop for a forged, expired, other-app or other-shop token', async () => {
    offlineCalls = [];
    const forged = signSessionToken(
      { iss: `https://${TINY}/admin`, dest: `https://${TINY}`, aud: demo.clientId, sub: '70001', exp: Math.floor(Date.now() / 1000) + 60 },
      'guessed-secret',
    );
    expect(((await refusal(open(forged, TINY))) as SessionTokenRejected).reason).toBe('bad_signature');
    expect(((await refusal(open(forged))) as SessionTokenRejected).reason).toBe('bad_signature');
    const expired = mintSessionToken({ shop: TINY, staff: OWNER, clientId: demo.clientId, clientSecret: demo.clientSecret, nowMs: Date.now() - 5 * 60_000 });
    expect(((await refusal(open(expired, TINY))) as SessionTokenRejected).reason).toBe('expired');
    const otherApp = mintSessionToken({ shop: TINY, staff: OWNER, clientId: 'another-app', clientSecret: demo.clientSecret });
    expect(((await refusal(open(otherApp, TINY))) as SessionTokenRejected).reason).toBe('wrong_audience');
    // A valid token for Tiny, presented as Acme's request: refused before any exchange; neither shop changes.
    expect(((await refusal(open(tokenFor(TINY, OWNER), ACME))) as SessionTokenRejected).reason).toBe('wrong_shop');
    expect(offlineCalls).toEqual([]);
    expect(await services.shops.findShopByDomain(TINY)).toBeNull();
  });

  it('a token for shop A installs and shows shop A only', async () => {
    offlineCalls = [];
    const access = await open(tokenFor(TINY, OWNER), TINY);
    expect(access.shop.domain).toBe(TINY);
    expect(offlineCalls).toEqual([`${demo.url}/shops/${TINY}`]);
    expect((await viewOverview(services, access, {})).range.timeZone).toBe('Europe/London');
    // Nordic (connected by the test set-up) keeps its own token and data.
    expect((await services.shops.getShopCredentials(shops.get(NORDIC)!)).accessToken).toBe(demo.shops.find((s) => s.domain === NORDIC)!.accessToken);
  });

  it('reinstalls a shop that was uninstalled, replacing its revoked token', async () => {
    const before = await services.shops.getShopCredentials(shops.get(ACME)!);
    await services.shops.markShopUninstalled(ACME);
    offlineCalls = [];
    const access = await open(tokenFor(ACME, OWNER), ACME);
    expect(offlineCalls).toHaveLength(1);
    expect(access.shop.uninstalledAt).toBeNull();
    expect(access.shop.id).toBe(shops.get(ACME)!.id);
    expect((await services.shops.getShopCredentials(access.shop)).accessToken).not.toBe(before.accessToken);
  });

  it('stores nothing when Shopify refuses the offline exchange or hands over a token for another shop', async () => {
    await services.shops.markShopUninstalled(NORDIC);
    const refused: ExchangeForOfflineToken = async () => {
      throw new Error('token exchange failed with HTTP 400');
    };
    const error = await refusal(open(tokenFor(NORDIC, OWNER), NORDIC, { exchangeOffline: refused }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe(MANAGED_INSTALL_FAILED_MESSAGE);
    expect((await services.shops.findShopByDomain(NORDIC))!.uninstalledAt).not.toBeNull();
    // A token of another shop (Acme's) is caught by connectShop's one Admin API call: nothing is filed under Nordic.
    const acmeToken = demo.shops.find((s) => s.domain === ACME)!.accessToken;
    const swapped: ExchangeForOfflineToken = async () => ({ accessToken: acmeToken, scope: 'read_orders' });
    expect((await refusal(open(tokenFor(NORDIC, OWNER), NORDIC, { exchangeOffline: swapped }))).code).toBe('unavailable');
    expect((await services.shops.findShopByDomain(NORDIC))!.uninstalledAt).not.toBeNull();
  });
});
