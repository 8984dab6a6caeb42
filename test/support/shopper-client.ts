import { buildRequestContext, createCallerFactory } from '@/server/api/trpc';
import { appRouter } from '@/server/api/root';
import type { Services } from '@/server/services';

const createCaller = createCallerFactory(appRouter);

/**
 * A shopper's browser for procedure-level tests: keeps the cookies the server sets (like a browser would)
 * and sends them back, from a fixed client address. The address travels as X-Forwarded-For, as the one
 * proxy in front of the app would send it (test services trust one hop, TRUSTED_PROXIES=1), and the server
 * reads it through the same function as in production. `clientAddress: null` sends no address at all;
 * `forwardedFor` sends this exact header value (spoofed chains).
 */
export function createShopperClient(services: Services, options: { clientAddress?: string | null; forwardedFor?: string } = {}) {
  const cookies = new Map<string, string>();
  const forwardedFor = options.forwardedFor ?? (options.clientAddress === undefined ? '203.0.113.10' : options.clientAddress);
  const headers = () => {
    const result = new Headers(forwardedFor === null ? {} : { 'x-forwarded-for': forwardedFor });
    if (cookies.size > 0) result.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    return result;
  };
  const call = <T>(run: (caller: ReturnType<typeof createCaller>) => Promise<T>) => {
    const resHeaders = new Headers();
    const caller = createCaller(buildRequestContext(services, { headers: headers(), resHeaders }));
    return run(caller).finally(() => {
      for (const cookie of resHeaders.getSetCookie()) {
        const [pair] = cookie.split(';');
        const [name, ...value] = pair!.split('=');
        cookies.set(name!.trim(), value.join('='));
      }
    });
  };
  return { call, cookies };
}
