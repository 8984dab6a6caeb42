import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { toFormError } from '../api/app-error-converter';
import { readSignedInShopper, type SignedInShopper } from '../auth/shopper-sign-in';
import { getServices, type Services } from '../services';
import { authorizeShopAccess, requireMerchant, type ShopAccess } from '../use-cases/dashboard/authorize-shop-access';
import type { ClientAddress } from './client-address';

export type MerchantRequest = { services: Services; headers: Headers; clientAddress: ClientAddress; signedIn: SignedInShopper | null };

/** The dashboard's view of this request: services, the Auth.js sign-in (or null) and the client address. */
export async function readMerchantRequest(): Promise<MerchantRequest> {
  const services = await getServices();
  const incoming = new Headers(await headers());
  return { services, headers: incoming, clientAddress: services.clientAddresses.read(incoming), signedIn: await readSignedInShopper(services, incoming) };
}

/** This request's access to one shop (a URL segment): stops with `unauthorized` / `not_found` as the use cases do. */
export async function readShopAccess(shopSegment: string): Promise<{ services: Services; access: ShopAccess }> {
  const { services, signedIn } = await readMerchantRequest();
  let domain: string;
  try {
    domain = decodeURIComponent(shopSegment);
  } catch {
    domain = '';
  }
  return { services, access: await authorizeShopAccess(services, requireMerchant(signedIn), domain) };
}

/** Runs a dashboard read for a page: signed out → the sign-in page, not a member (or nothing there) → 404. */
export async function forMerchantPage<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const appError = toFormError(error);
    if (appError.code === 'unauthorized') redirect('/dashboard');
    if (appError.code === 'not_found' || appError.code === 'forbidden') notFound();
    throw error;
  }
}

/** `?from=&to=` search params as the range input (invalid values fall back to the default range). */
export function rangeFromSearch(search: Record<string, string | string[] | undefined>): { from?: string; to?: string } {
  const pick = (key: string) => {
    const value = search[key];
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  };
  const from = pick('from');
  const to = pick('to');
  return from && to && from > to ? {} : { from, to };
}
