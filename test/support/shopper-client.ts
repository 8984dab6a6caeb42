import { buildRequestContext, createCallerFactory } from '@/server/api/trpc';
import { appRouter } from '@/server/api/root';
import type { Services } from '@/server/services';

const createCaller = createCallerFactory(appRouter);

/**
 * A shopper's browser for procedure-level tests: keeps the cookies the server sets (like a browser would)
 * and sends them back, from a fixed client address.
 */
export function createShopperClient(services: Services, options: { clientAddress?: string } = {}) {
  const cookies = new Map<string, string>();
  const headers = () => {
    const result = new Headers({ 'x-forwarded-for': options.clientAddress ?? '203.0.113.10' });
    if (cookies.size > 0) result.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    return result;
  };
  const call = <T>(run: (caller: ReturnType<typeof createCaller>) => Promise<T>) => {
    const resHeaders = new Headers();
    const caller = createCaller(buildRequestContext(services, { headers: headers(), resHeaders, clientAddress: options.clientAddress ?? '203.0.113.10' }));
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
