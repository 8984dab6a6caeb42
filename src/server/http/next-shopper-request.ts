import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import type { Shop } from '@/domain/shops/shop';
import { getServices, type Services } from '../services';
import { findServedShop } from '../use-cases/shops/find-served-shop';
import type { ClientAddress } from './client-address';
import { SESSION_COOKIE, shopperSession, type ShopperSession } from './shopper-session';

/** The installed shop behind a `/t/{shop}` URL segment (once per request), or null. */
export const loadTrackingShop = cache(async (segment: string): Promise<Shop | null> => {
  let raw: string;
  try {
    raw = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return findServedShop(await getServices(), raw);
});

export type ShopperRequest = { services: Services; session: ShopperSession; clientAddress: ClientAddress; headers: Headers };

/**
 * What the tracking page's server components, server actions and route handlers know about the shopper: the
 * same `osa_session` cookie tRPC reads (so grants are shared by every door) and the client address. Creating
 * a session only works where Next lets us write cookies (actions, route handlers).
 */
export async function readShopperRequest(): Promise<ShopperRequest> {
  const services = await getServices();
  const incoming = await headers();
  const jar = await cookies();
  const session = shopperSession(services, {
    read: () => jar.get(SESSION_COOKIE)?.value ?? null,
    write: (created) => jar.set(created.cookie),
  });
  return { services, session, clientAddress: services.clientAddresses.read(incoming), headers: new Headers(incoming) };
}
