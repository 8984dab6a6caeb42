import { createHash } from 'node:crypto';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { eq } from 'drizzle-orm';
import type { NextAuthConfig } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import type { EmailConfig } from 'next-auth/providers/email';
import { accounts, sessions, users, verificationTokens } from '../db/schema';
import type { Services } from '../services';
import { composeMagicLinkMail } from './magic-link-mail';

export const AUTH_BASE_PATH = '/api/auth';
export const EMAIL_PROVIDER_ID = 'email';
/** Magic links work for one hour (DESIGN: single use, hashed at rest, 1 hour). */
export const MAGIC_LINK_MAX_AGE_SECONDS = 60 * 60;

/** Auth.js's secret, derived from APP_SECRET (so AUTH_SECRET is never needed). */
export function authSecret(services: Pick<Services, 'key'>): string {
  return services.key('auth').toString('base64url');
}

/** How Auth.js stores a verification token: SHA-256 hex of token + secret (lib/actions/signin/send-token.js). */
export function hashVerificationToken(token: string, secret: string): string {
  return createHash('sha256').update(`${token}${secret}`, 'utf8').digest('hex');
}

/** Auth.js session cookie names (the `__Secure-` one is used when the app is served over https). */
export const AUTH_SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

function shopperAdapter(services: Services): Adapter {
  const adapter = DrizzleAdapter(services.db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    ...adapter,
    // Our links leave the email out of the URL (it would land in logs); the hashed token alone finds the row,
    // and deleting it while reading it makes the link single-use even under concurrent clicks.
    async useVerificationToken({ token }) {
      const [row] = await services.db.delete(verificationTokens).where(eq(verificationTokens.token, token)).returning();
      return row ?? null;
    },
  };
}

/**
 * Auth.js for magic-link sign-in: email provider whose mail goes through our mailer (outbox or Resend), Drizzle
 * adapter, database sessions that last as long as a grant. Auth.js's own "send me a link" endpoint is closed:
 * every link is minted by issueMagicLink behind requestMagicLink's send limits and uniform answer.
 */
export function createAuthConfig(services: Services): NextAuthConfig {
  const email: EmailConfig = {
    id: EMAIL_PROVIDER_ID,
    type: 'email',
    name: 'Email',
    from: services.env.EMAIL_FROM,
    maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
    options: {},
    async sendVerificationRequest({ identifier, url }) {
      await services.mailer.send(composeMagicLinkMail({ to: identifier, url, shopName: null }));
    },
  };
  return {
    adapter: shopperAdapter(services),
    secret: authSecret(services),
    trustHost: true,
    basePath: AUTH_BASE_PATH,
    useSecureCookies: services.env.APP_URL.startsWith('https:'),
    session: { strategy: 'database', maxAge: services.env.GRANT_TTL_HOURS * 60 * 60, updateAge: 60 * 60 },
    providers: [email],
    pages: { error: '/auth/error', verifyRequest: '/auth/error', signIn: '/auth/error' },
    callbacks: {
      signIn: ({ email: request }) => !request?.verificationRequest,
    },
    logger: {
      error: (error) => services.logger.warn('auth.js error', { name: error.name, message: error.message }),
      warn: (code) => services.logger.debug('auth.js warning', { code }),
      debug: () => undefined,
    },
  };
}
