import { useTranslations } from 'next-intl';
import { LocalTime } from '@/components/i18n/local-time';
import type { TimelineEntry } from '@/domain/tracking/shopper-order-view';

const PROBLEM_KINDS = new Set<TimelineEntry['kind']>(['delivery_problem', 'cancelled']);

/** What happened to the order, newest first, as an ordered list a screen reader can walk. */
export function OrderTimeline({ entries, timeZone }: { entries: TimelineEntry[]; timeZone: string }) {
  const t = useTranslations('ui.card');
  const newestFirst = [...entries].reverse();
  return (
    <ol className="relative ml-1.5 space-y-3 border-l-2 border-slate-300 pl-4" aria-label={t('timelineLabel')}>
      {newestFirst.map((entry, index) => (
        <li key={`${entry.kind}-${entry.at}-${index}`} className="relative">
          <span
            aria-hidden="true"
            className={`absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full ring-2 ring-white ${
              index === 0 ? 'bg-[var(--brand,#1d4ed8)]' : PROBLEM_KINDS.has(entry.kind) ? 'bg-red-700' : 'bg-slate-500'
            }`}
          />
          <p className="text-sm font-medium text-slate-900">{entry.label}</p>
          {entry.detail && <p className="text-sm text-slate-700">{entry.detail}</p>}
          <p className="text-xs text-slate-600">
            <LocalTime at={entry.at} timeZone={timeZone} kind="datetime" fallback={entry.display} />
          </p>
        </li>
      ))}
    </ol>
  );
}
