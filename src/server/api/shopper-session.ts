import { keyedHash, randomToken } from '@/server/crypto/secrets';
import type { Services } from '@/server/services';
import type { RequestContext } from './trpc';

export const SESSION_COOKIE = 'osa_session';
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** One cookie's value from a `Cookie` header (null when absent). */
export function readCookie(headers: Headers, name: string): string | null {
  const header = headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The session token when it has the shape we issue; anything else is treated as no session. */
export function validShopperToken(token: string | null | undefined): string | null {
  return token && TOKEN_SHAPE.test(token) ? token : null;
}

/** The database's name for a browser session: the keyed hash of its token (the token itself is never stored). */
export function holderHashForToken(services: Pick<Services, 'key'>, token: string): string {
  return keyedHash(`session:${token}`, services.key('grant-token'));
}

/** A fresh session token and the cookie that carries it (httpOnly, Lax; Secure when the app is served over https). */
export function newShopperSession(services: Pick<Services, 'env'>) {
  const token = randomToken(32);
  const secure = services.env.APP_URL.startsWith('https:');
  return {
    token,
    cookie: { name: SESSION_COOKIE, value: token, httpOnly: true, sameSite: 'lax' as const, path: '/', maxAge: SESSION_MAX_AGE_SECONDS, secure },
    header: `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_MAX_AGE_SECONDS}${secure ? '; Secure' : ''}`,
  };
}

/**
 * The opaque browser session that holds a shopper's grants. The token lives only in an httpOnly cookie;
 * the database knows its keyed hash. Created on first use. Shared by tRPC (chat widget) and the tracking
 * page's server actions and route handlers (see src/server/tracking/page-context.ts), so a grant earned
 * through one door is seen by the other.
 */
export function shopperHolder(ctx: RequestContext, options: { create: boolean }): string | null {
  let token = validShopperToken(readCookie(ctx.headers, SESSION_COOKIE));
  if (!token) {
    if (!options.create) return null;
    const session = newShopperSession(ctx.services);
    token = session.token;
    ctx.resHeaders.append('Set-Cookie', session.header);
  }
  return holderHashForToken(ctx.services, token);
}
