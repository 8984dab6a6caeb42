import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import type { Shop } from '@/domain/shops/shop';
import { normalizeShopDomain } from '@/domain/shops/shop-domain';
import { appRouter } from '../api/root';
import { SESSION_COOKIE, holderHashForToken, newShopperSession, validShopperToken } from '../api/shopper-session';
import { createCallerFactory, readClientAddress, type RequestContext } from '../api/trpc';
import { getServices, type Services } from '../services';

const createCaller = createCallerFactory(appRouter);

/** The installed shop behind a `/t/{shop}` URL segment (once per request), or null. */
export const loadTrackingShop = cache(async (segment: string): Promise<Shop | null> => {
  let raw = segment;
  try {
    raw = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const domain = normalizeShopDomain(raw);
  if (!domain) return null;
  const shop = await (await getServices()).shops.findShopByDomain(domain);
  return shop && !shop.uninstalledAt ? shop : null;
});

export type TrackingContext = { services: Services; ctx: RequestContext; holderHash: string | null; headers: Headers };

/**
 * The same request context tRPC builds, for the tracking page's server components, server actions and route
 * handlers: the `osa_session` cookie is the grant holder for every door, and the attempt limits are the same
 * procedures' limits. `createSession` may only be used where cookies can be written (actions, route handlers).
 */
export async function trackingContext(options: { createSession: boolean }): Promise<TrackingContext & { caller: ReturnType<typeof createCaller> }> {
  const services = await getServices();
  const incoming = await headers();
  const jar = await cookies();
  let token = validShopperToken(jar.get(SESSION_COOKIE)?.value);
  if (!token && options.createSession) {
    const session = newShopperSession(services);
    jar.set(session.cookie);
    token = session.token;
  }
  const requestHeaders = new Headers(incoming);
  if (token) {
    const others = (incoming.get('cookie') ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part && !part.startsWith(`${SESSION_COOKIE}=`));
    requestHeaders.set('cookie', [...others, `${SESSION_COOKIE}=${token}`].join('; '));
  }
  const ctx: RequestContext = { services, headers: requestHeaders, resHeaders: new Headers(), clientAddress: readClientAddress(incoming) };
  return { services, ctx, caller: createCaller(ctx), holderHash: token ? holderHashForToken(services, token) : null, headers: requestHeaders };
}
