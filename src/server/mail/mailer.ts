import { desc, eq } from 'drizzle-orm';
import { Resend } from 'resend';
import type { Database } from '../db/client';
import { outboxMessages } from '../db/schema';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the mail is for (`magic_link`, `handoff`, …): kept in the outbox for the dev viewer. */
  purpose: string;
};

export interface Mailer {
  readonly kind: 'outbox' | 'resend';
  send(mail: OutgoingMail): Promise<{ id: string }>;
}

/** Stores mail in the database instead of sending it (embedded default; read it at /dev/outbox). */
export function createOutboxMailer(
  db: Database,
): Mailer & { list(options?: { to?: string; limit?: number }): Promise<Array<typeof outboxMessages.$inferSelect>> } {
  return {
    kind: 'outbox',
    async send(mail) {
      const [row] = await db
        .insert(outboxMessages)
        .values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null, purpose: mail.purpose })
        .returning({ id: outboxMessages.id });
      return { id: row!.id };
    },
    async list(options = {}) {
      const query = db.select().from(outboxMessages);
      const filtered = options.to ? query.where(eq(outboxMessages.to, options.to)) : query;
      return filtered.orderBy(desc(outboxMessages.createdAt)).limit(options.limit ?? 50);
    },
  };
}

/** Sends through Resend's API; `baseUrl` lets tests point it at a local server that speaks the protocol. */
export function createResendMailer(options: { apiKey: string; baseUrl?: string; from: string }): Mailer {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    kind: 'resend',
    async send(mail) {
      const { data, error } = await resend.emails.send({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        tags: [{ name: 'purpose', value: mail.purpose }],
      });
      if (error || !data) throw new Error(`Resend refused the message: ${error?.name ?? 'no data'}`);
      return { id: data.id };
    },
  };
}
