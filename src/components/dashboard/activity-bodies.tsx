import { localDateTime, localTimeOfDay } from '@/domain/analytics/shop-days';
import {
  auditActionLabel,
  auditResultLabel,
  conversationStatusLabel,
  doorLabel,
  failureReasonLabel,
  orderStatusLabel,
} from '@/domain/analytics/dashboard-labels';
import type { DashboardDoor } from '@/components/dashboard/dashboard-door';
import { DataTable } from '@/components/dashboard/data-table';
import { RangeForm } from './range-form';
import type { viewAuditLog, viewConversations, viewTranscript } from '@/server/use-cases/dashboard/merchant-dashboard';

/** Chats of a date range, newest first, each linking to its transcript (both doors). */
export function ConversationsBody({ door, view }: { door: DashboardDoor; view: Awaited<ReturnType<typeof viewConversations>> }) {
  const { range, rows, opensWithoutMessage } = view;
  const zone = range.timeZone ?? 'UTC';
  const { Anchor } = door;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold text-slate-900">Conversations</h1>
        <RangeForm from={range.from} to={range.to} timeZone={zone} extra={door.hidden} />
      </div>
      <p className="text-sm text-slate-700">Widget opened without a message: {opensWithoutMessage} (counted as opens, not listed).</p>
      <DataTable
        caption={`Chats started ${range.from} to ${range.to}, newest first`}
        exportHref={door.exportHref('conversations', range)}
        columns={[`Started (${zone})`, 'Door', 'Language', 'Status', 'Messages', 'Transcript']}
        rows={rows.map((r) => [
          localDateTime(r.createdAt, zone),
          doorLabel(r.door),
          r.language,
          conversationStatusLabel(r.status),
          r.messages,
          <Anchor key={r.id} href={door.transcriptHref(r.id)} className="inline-block py-1 font-medium text-blue-800 underline underline-offset-2">
            Transcript<span className="sr-only"> of the chat started {localDateTime(r.createdAt, zone)}</span>
          </Anchor>,
        ])}
      />
    </div>
  );
}

/** One chat, as the shopper saw it (emails they typed were masked before storage). */
export function TranscriptBody({ door, t }: { door: DashboardDoor; t: Awaited<ReturnType<typeof viewTranscript>> }) {
  const { Anchor } = door;
  return (
    <div className="space-y-4">
      <Anchor href={door.href('conversations')} className="inline-block py-1 text-sm font-medium text-blue-800 underline underline-offset-2">
        ← All conversations
      </Anchor>
      <h1 className="text-2xl font-bold text-slate-900">
        Chat of {localDateTime(t.conversation.createdAt, t.timeZone)} <span className="text-base font-normal text-slate-700">({t.timeZone})</span>
      </h1>
      <p className="text-slate-700">
        Door: {doorLabel(t.conversation.door)} · Language: {t.conversation.language} · Status: {conversationStatusLabel(t.conversation.status)}
        {t.handoffs.map((h, i) => (
          <span key={i}> · Hand-off requested: {h.reason}</span>
        ))}
      </p>
      <ol className="space-y-3">
        {t.messages.map((m) => (
          <li
            key={m.id}
            className={`max-w-prose rounded-xl px-4 py-2 ${m.role === 'shopper' ? 'ml-auto bg-blue-50 text-blue-950' : 'bg-white text-slate-900 shadow-sm'}`}
          >
            <p className="text-xs font-semibold">
              {m.role === 'shopper' ? 'Shopper' : 'Assistant'} ·{' '}
              <time dateTime={new Date(m.createdAt).toISOString()}>{localTimeOfDay(new Date(m.createdAt), t.timeZone, t.conversation.createdAt)}</time>
            </p>
            <p className="whitespace-pre-wrap">{m.text}</p>
            {m.cards.map((c, i) =>
              c.type === 'order' ? (
                <p key={i} className="text-sm text-slate-700">
                  Order card: {c.order.orderName} ({orderStatusLabel(c.order.status)})
                </p>
              ) : null,
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Every verification attempt and order view: keyed hashes only, never an email or an address (both doors). */
export function AuditBody({ door, view }: { door: DashboardDoor; view: Awaited<ReturnType<typeof viewAuditLog>> }) {
  const { range, rows } = view;
  const zone = range.timeZone ?? 'UTC';
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold text-slate-900">Audit log</h1>
        <RangeForm from={range.from} to={range.to} timeZone={zone} extra={door.hidden} />
      </div>
      <p className="text-slate-700">
        Emails and client addresses appear only as shortened keyed hashes: the same shopper has the same hash, and nobody can read it back.
      </p>
      <DataTable
        caption={`Latest 200 entries, ${range.from} to ${range.to}`}
        exportHref={door.exportHref('audit', range)}
        columns={[`At (${zone})`, 'Door', 'Action', 'Result', 'Reason', 'Email hash', 'Client hash', 'Order id']}
        rows={rows.map((r) => [
          localDateTime(r.at, zone, true),
          doorLabel(r.door),
          auditActionLabel(r.action),
          auditResultLabel(r.result),
          failureReasonLabel(r.reason),
          r.emailHash,
          r.clientHash,
          r.orderId,
        ])}
      />
    </div>
  );
}
