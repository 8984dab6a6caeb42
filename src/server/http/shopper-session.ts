import { keyedHash, randomToken } from '@/server/crypto/secrets';
import type { Services } from '../services';

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

const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])$/;

/**
 * A fresh session token and its cookie (httpOnly). The chat widget is a cross-site iframe on the storefront,
 * where browsers drop SameSite=Lax cookies, so on https (and http://localhost, which browsers treat as secure)
 * the cookie is `SameSite=None; Secure; Partitioned`: CHIPS keys it to the top-level site, so it is only ever
 * sent inside the storefront (or our own page) that set it, never when some other site embeds us. Plain http
 * elsewhere keeps Lax: the first-party tracking page works, the widget cannot keep a session there.
 */
export function newShopperSession(services: Pick<Services, 'env'>) {
  const token = randomToken(32);
  const url = new URL(services.env.APP_URL);
  const crossSite = url.protocol === 'https:' || LOOPBACK_HOST.test(url.hostname);
  return {
    token,
    cookie: {
      name: SESSION_COOKIE,
      value: token,
      httpOnly: true,
      sameSite: crossSite ? ('none' as const) : ('lax' as const),
      path: '/',
      maxAge: SESSION_MAX_AGE_SECONDS,
      secure: crossSite,
      partitioned: crossSite,
    },
    header: `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Max-Age=${SESSION_MAX_AGE_SECONDS}; ${crossSite ? 'SameSite=None; Secure; Partitioned' : 'SameSite=Lax'}`,
  };
}

/** Where an edge keeps the session cookie: request headers + response headers, or Next's cookie jar. */
export type SessionCookieJar = {
  read: () => string | null;
  /** Absent where cookies cannot be written (server components). */
  write?: (session: ReturnType<typeof newShopperSession>) => void;
};

export type ShopperSession = {
  /** The holder of this browser's grants, or null when it has no session yet. */
  holderHash: () => string | null;
  /** The holder, creating the session (and its cookie) on first use. */
  ensureHolderHash: () => string;
};

/**
 * The opaque browser session that holds a shopper's grants. The token lives only in an httpOnly cookie;
 * the database knows its keyed hash. Created on first use. Every door (tRPC for the chat widget, the
 * tracking page's server actions and components, route handlers) reads it through this, so a grant earned
 * through one door is seen by the other.
 */
export function shopperSession(services: Pick<Services, 'key' | 'env'>, jar: SessionCookieJar): ShopperSession {
  let token = validShopperToken(jar.read());
  return {
    holderHash: () => (token ? holderHashForToken(services, token) : null),
    ensureHolderHash: () => {
      if (!token) {
        if (!jar.write) throw new Error('A shopper session cannot be created here (no writable cookies).');
        const session = newShopperSession(services);
        jar.write(session);
        token = session.token;
      }
      return holderHashForToken(services, token);
    },
  };
}

/** The session cookie jar of a fetch-style request: reads the `Cookie` header, appends `Set-Cookie` to `resHeaders`. */
export function headerCookieJar(headers: Headers, resHeaders?: Headers): SessionCookieJar {
  return {
    read: () => readCookie(headers, SESSION_COOKIE),
    ...(resHeaders ? { write: (session) => resHeaders.append('Set-Cookie', session.header) } : {}),
  };
}
