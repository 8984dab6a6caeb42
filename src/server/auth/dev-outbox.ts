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

/** Dev tool: makes the sign-in link in one outbox message expire now (to try the expired-link path by hand or in e2e). */
export async function expireOutboxLink(services: Services, messageId: string): Promise<boolean> {
  const [message] = await services.db.select().from(outboxMessages).where(eq(outboxMessages.id, messageId));
  const url = message ? /https?:\/\/\S+\/api\/auth\/callback\/\S+/.exec(message.text)?.[0] : undefined;
  const token = url ? new URL(url).searchParams.get('token') : null;
  if (!token) return false;
  const rows = await services.db
    .update(verificationTokens)
    .set({ expires: new Date(Date.now() - 1000) })
    .where(eq(verificationTokens.token, hashVerificationToken(token, authSecret(services))))
    .returning({ token: verificationTokens.token });
  return rows.length > 0;
}
