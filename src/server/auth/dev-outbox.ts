import { desc, eq } from 'drizzle-orm';
import { outboxMessages, verificationTokens } from '../db/schema';
import type { Services } from '../services';
import { authSecret, hashVerificationToken } from './auth-config';

/**
 * /dev/outbox shows stored mail with live sign-in links, so it exists only where mail goes to the outbox and
 * either NODE_ENV is not production or DEV_OUTBOX=true (the demo, which runs `next start`). DEV_OUTBOX=false wins.
 */
export function devOutboxEnabled(services: Pick<Services, 'env' | 'mailer'>): boolean {
  if (services.mailer.kind !== 'outbox' || services.env.DEV_OUTBOX === false) return false;
  return services.env.NODE_ENV !== 'production' || services.env.DEV_OUTBOX === true;
}

export function listOutbox(services: Services, limit = 50) {
  return services.db.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(limit);
}

function tokenHashIn(services: Services, text: string): string | null {
  const url = /https?:\/\/\S+\/api\/auth\/callback\/\S+/.exec(text)?.[0];
  const token = url ? new URL(url).searchParams.get('token') : null;
  return token ? hashVerificationToken(token, authSecret(services)) : null;
}

/** Whether the sign-in link in a stored mail still works: 'active', 'expired', or 'used' (the token row is gone). */
export async function outboxLinkStatus(services: Services, text: string, now = new Date()): Promise<'active' | 'expired' | 'used' | null> {
  const hash = tokenHashIn(services, text);
  if (!hash) return null;
  const [row] = await services.db.select({ expires: verificationTokens.expires }).from(verificationTokens).where(eq(verificationTokens.token, hash));
  if (!row) return 'used';
  return row.expires > now ? 'active' : 'expired';
}

/** Dev tool: makes the sign-in link in one outbox message expire now (to try the expired-link path by hand or in e2e). */
export async function expireOutboxLink(services: Services, messageId: string): Promise<boolean> {
  const [message] = await services.db.select().from(outboxMessages).where(eq(outboxMessages.id, messageId));
  const hash = message ? tokenHashIn(services, message.text) : null;
  if (!hash) return false;
  const rows = await services.db
    .update(verificationTokens)
    .set({ expires: new Date(Date.now() - 1000) })
    .where(eq(verificationTokens.token, hash))
    .returning({ token: verificationTokens.token });
  return rows.length > 0;
}
