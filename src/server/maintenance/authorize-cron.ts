import { safeEqual } from '../crypto/secrets';

export type CronAuthorization = 'allowed' | 'denied' | 'disabled';

/**
 * Checks `Authorization: Bearer <secret>` (what Vercel Cron sends from CRON_SECRET) in constant time. Without a
 * configured secret the job endpoint is disabled, so a deployment that never set one exposes nothing.
 */
export function authorizeCronRequest(authorization: string | null, secret: string | undefined): CronAuthorization {
  if (!secret) return 'disabled';
  const bearer = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  return bearer !== undefined && safeEqual(bearer, secret) ? 'allowed' : 'denied';
}
