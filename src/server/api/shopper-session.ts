import { keyedHash, randomToken } from '@/server/crypto/secrets';
import type { RequestContext } from './trpc';

export const SESSION_COOKIE = 'osa_session';
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function readCookie(headers: Headers, name: string): string | null {
  const header = headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * The opaque browser session that holds a shopper's grants. The token lives only in an httpOnly cookie;
 * the database knows its keyed hash. Created on first use.
 */
export function shopperHolder(ctx: RequestContext, options: { create: boolean }): string | null {
  let token = readCookie(ctx.headers, SESSION_COOKIE);
  if (!token || !TOKEN_SHAPE.test(token)) {
    if (!options.create) return null;
    token = randomToken(32);
    const secure = ctx.services.env.APP_URL.startsWith('https:');
    ctx.resHeaders.append(
      'Set-Cookie',
      `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_MAX_AGE_SECONDS}${secure ? '; Secure' : ''}`,
    );
  }
  return keyedHash(`session:${token}`, ctx.services.key('grant-token'));
}
