import 'server-only';
import { redirect } from 'next/navigation';
import { embeddedDoor, type DashboardDoor } from '@/components/dashboard/dashboard-door';
import { isShopDomain } from '@/domain/shops/shop-domain';
import { asAppError } from '../app-error';
import { getServices, type Services } from '../services';
import { authorizeEmbeddedAccess, isRetryableTokenFailure, SessionTokenRejected, type EmbeddedAccess } from '../use-cases/dashboard/authorize-embedded-access';
import { findServedShop } from '../use-cases/shops/find-served-shop';
import { embeddedAccessDeps } from '../wiring/embedded-deps';

type Search = Record<string, string | string[] | undefined>;

export type EmbeddedPage =
  { kind: 'ok'; services: Services; access: EmbeddedAccess; door: DashboardDoor } | { kind: 'refused'; title: string; message: string };

export const BOUNCE_PATH = '/embedded/session-token';

const first = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

function toParams(search: Search): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    const one = first(value);
    if (one !== undefined) params.set(key, one);
  }
  return params;
}

/** Where Shopify admin opens this app for a shop: `{admin}/store/{handle}/apps/{client_id}`. */
export function adminAppUrl(services: Services, shop: string): string {
  const handle = shop.replace(/\.myshopify\.com$/, '');
  return `${services.env.SHOPIFY_ADMIN_UI_ORIGIN}/store/${encodeURIComponent(handle)}/apps/${encodeURIComponent(services.env.SHOPIFY_API_KEY)}`;
}

/**
 * Shopify's bounce for server-rendered embedded pages (shopify-app-js `redirectToBouncePage`): drop the stale
 * `id_token`, name this page in `shopify-reload` (always on APP_URL, so a Host header cannot redirect it) and
 * send the frame to a page that only loads App Bridge, which reloads `shopify-reload` with a fresh `id_token`.
 */
export function bounceUrl(services: Services, path: string, params: URLSearchParams): string {
  const kept = new URLSearchParams(params);
  kept.delete('id_token');
  kept.delete('shopify-reload');
  const reload = `${services.env.APP_URL}${path}${kept.size ? `?${kept.toString()}` : ''}`;
  const bounce = new URLSearchParams(kept);
  bounce.set('shopify-reload', reload);
  return `${BOUNCE_PATH}?${bounce.toString()}`;
}

/**
 * Outside admin (no `embedded=1`). Shopify's install request for an app on the authorization-code flow (custom
 * distribution, `use_legacy_install_flow`) is `{application_url}?shop=&hmac=&timestamp=` at the top level: for a
 * shop we do not serve it goes on to the OAuth install route (which checks the hmac). Everyone else goes to Shopify
 * admin's page for this app, or to the magic-link sign-in when no shop is named.
 */
async function leaveForAdmin(services: Services, shop: string, validShop: boolean, params: URLSearchParams): Promise<never> {
  if (validShop && params.has('hmac') && !(await findServedShop(services, shop))) redirect(`/api/shopify/install?${params.toString()}`);
  redirect(validShop ? adminAppUrl(services, shop) : '/dashboard');
}

/**
 * Resolves an embedded page request to the merchant's access, or stops: outside Shopify admin → leaveForAdmin;
 * no token or an expired one → the bounce; any other refusal → a page that says why, with no numbers. A shop we
 * do not serve yet is installed from the verified token (Shopify-managed install) before its dashboard shows.
 */
export async function loadEmbeddedPage(path: string, search: Search): Promise<EmbeddedPage> {
  const services = await getServices();
  const params = toParams(search);
  const shop = params.get('shop')?.toLowerCase() ?? '';
  const validShop = isShopDomain(shop);
  if (params.get('embedded') !== '1') await leaveForAdmin(services, shop, validShop, params);
  if (!validShop)
    return {
      kind: 'refused',
      title: 'Open the app from Shopify admin',
      message: 'This page works only inside Shopify admin. Open Order Status Agent from your Apps list.',
    };
  const idToken = params.get('id_token');
  if (!idToken) redirect(bounceUrl(services, path, params));

  let outcome: EmbeddedPage | 'bounce';
  try {
    const access = await authorizeEmbeddedAccess(services, embeddedAccessDeps(services), { idToken, shop });
    // What every embedded link carries between requests (never the session token: App Bridge hands each load one).
    const carried: Record<string, string> = { shop, embedded: '1' };
    const host = params.get('host');
    if (host && /^[A-Za-z0-9_=-]{1,300}$/.test(host)) carried.host = host;
    outcome = { kind: 'ok', services, access, door: embeddedDoor(carried) };
  } catch (error) {
    if (error instanceof SessionTokenRejected && isRetryableTokenFailure(error.reason)) {
      outcome = 'bounce';
    } else {
      const appError = asAppError(error);
      if (!appError) throw error;
      if (appError instanceof SessionTokenRejected) services.logger.warn('embedded session token refused', { reason: appError.reason });
      const title =
        appError.code === 'forbidden'
          ? 'You do not have access to this dashboard'
          : appError.code === 'unavailable'
            ? 'Shopify did not answer'
            : 'This dashboard is not available';
      outcome = { kind: 'refused', title, message: appError.message };
    }
  }
  if (outcome === 'bounce') redirect(bounceUrl(services, path, params));
  return outcome;
}

const BEARER = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/;

/**
 * An action or download inside admin's iframe: authorized by a session token only, never a cookie. The token comes
 * from `Authorization: Bearer` (App Bridge adds it to the app's same-origin fetch calls) or, for a form posted as a
 * server action, the `id_token` field EmbeddedActionForm fills from `shopify.idToken()` at submit. Stops as
 * authorizeEmbeddedAccess does (`unauthorized` without a usable token).
 */
export async function readEmbeddedRequestAccess(input: {
  authorization: string | null;
  formToken?: string | undefined;
  shop?: string | undefined;
}): Promise<{ services: Services; access: EmbeddedAccess }> {
  const services = await getServices();
  const idToken = BEARER.exec(input.authorization ?? '')?.[1] ?? input.formToken;
  if (!idToken) throw new SessionTokenRejected('malformed');
  const access = await authorizeEmbeddedAccess(services, embeddedAccessDeps(services), { idToken, ...(input.shop ? { shop: input.shop } : {}) });
  return { services, access };
}
