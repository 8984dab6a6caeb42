import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { devOutboxEnabled, listOutbox, outboxLinkStatus } from '@/server/auth/dev-outbox';
import { getServices } from '@/server/services';
import { expireLinkAction } from './actions';

export const metadata: Metadata = { title: 'Dev outbox', robots: { index: false }, referrer: 'no-referrer' };

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Text with its URLs as links (mail text is ours, but rendered as text all the same). */
function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_PATTERN).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="break-all text-blue-800 underline underline-offset-2">
            {part}
          </a>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}

/** Mail the app "sent" on embedded defaults, newest first. Not served in production (404). */
export default async function DevOutboxPage() {
  await connection();
  const services = await getServices();
  if (!devOutboxEnabled(services)) notFound();
  const messages = await Promise.all(
    (await listOutbox(services)).map(async (message) => ({
      ...message,
      linkStatus: message.purpose === 'magic_link' ? await outboxLinkStatus(services, message.text) : null,
    })),
  );
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">Dev outbox</h1>
      <p className="mt-1 text-slate-700">
        Mail stored instead of sent (no <code>RESEND_API_KEY</code>). Newest first. Served only outside production or with DEV_OUTBOX=true (the demo); never on
        a real deployment.
      </p>
      {messages.length === 0 ? (
        <p className="mt-6 text-slate-700">No mail yet.</p>
      ) : (
        <ul className="mt-6 space-y-4">
          {messages.map((message) => (
            <li key={message.id}>
              <article aria-label={`Mail to ${message.to}: ${message.subject}`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                <h2 className="font-semibold text-slate-900">{message.subject}</h2>
                <p className="text-sm text-slate-700">
                  To <span className="font-medium">{message.to}</span> · {message.purpose} ·{' '}
                  <time dateTime={message.createdAt.toISOString()}>{message.createdAt.toISOString().replace('T', ' ').slice(0, 19)} UTC</time>
                </p>
                <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm text-slate-900">
                  <Linkified text={message.text} />
                </pre>
                {message.linkStatus && <p className="mt-3 text-sm font-semibold text-slate-900">Link {message.linkStatus}</p>}
                {message.linkStatus === 'active' && (
                  <form action={expireLinkAction.bind(null, message.id)} className="mt-3">
                    <button
                      type="submit"
                      className="min-h-11 rounded-lg border border-slate-500 px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-50"
                    >
                      Expire this link
                    </button>
                  </form>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
