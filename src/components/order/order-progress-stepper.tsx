import { useLocale, useTranslations } from 'next-intl';
import type { OrderProgress, ProgressHeadline, ProgressStepState } from '@/domain/tracking/order-progress';
import { formatMoment } from '@/domain/tracking/format-time';

// A filled dot is a border as wide as half the dot, not a background: forced-colours mode keeps borders (in the
// system's text colour) and drops backgrounds, so done and upcoming still look different there.
const DOT_CLASSES: Record<ProgressStepState, string> = {
  done: 'border-[8px] border-[var(--brand,#1d4ed8)]',
  current: 'border-2 bg-white border-[var(--brand,#1d4ed8)] ring-4 ring-[var(--brand,#1d4ed8)]/25',
  upcoming: 'border-2 bg-white border-slate-400',
  problem: 'border-[8px] border-red-700',
};

/**
 * The date as the headline, then the steps as an ordered list. The state of each step is in words (visually
 * hidden) as well as in the dot, so it reads the same without colour. Lines and dots are borders, which
 * forced-colours mode keeps (it drops background colours), filled dots included.
 */
export function OrderProgressStepper({ progress, timeZone }: { progress: OrderProgress; timeZone: string }) {
  const t = useTranslations('ui.progress');
  const locale = useLocale();
  const headline = (parts: ProgressHeadline): string => {
    if (parts.kind === 'today') return t('today');
    const date = parts.at ? formatMoment(parts.at, timeZone, locale, parts.kind === 'delivered' ? 'datetime' : 'day') : null;
    if (parts.kind === 'delivered') return date ? t('deliveredOn', { date }) : t('deliveredDone');
    return t('estimated', { date: date ?? '' });
  };
  const stateWords: Record<ProgressStepState, string> = { done: t('done'), current: t('current'), upcoming: t('upcoming'), problem: t('problem') };
  return (
    <section aria-label={t('label')} className="mt-3">
      {progress.headlineParts && <p className="text-lg font-bold text-slate-900 sm:text-xl">{headline(progress.headlineParts)}</p>}
      <ol className="mt-2 grid gap-2" style={{ gridTemplateColumns: `repeat(${progress.steps.length}, minmax(0, 1fr))` }}>
        {progress.steps.map((step, index) => (
          <li key={step.key} aria-current={step.state === 'current' ? 'step' : undefined} className="relative flex flex-col items-center text-center">
            {index > 0 && (
              <span
                aria-hidden="true"
                className={`absolute right-1/2 top-2 w-full -translate-y-1/2 border-t-2 ${step.state === 'done' || step.state === 'current' ? 'border-[var(--brand,#1d4ed8)]' : 'border-slate-300'}`}
              />
            )}
            <span aria-hidden="true" className={`relative z-[1] box-border h-4 w-4 rounded-full ${DOT_CLASSES[step.state]}`} />
            <span className={`mt-1 text-xs leading-tight sm:text-sm ${step.state === 'upcoming' ? 'text-slate-600' : 'font-semibold text-slate-900'}`}>
              {t(`step.${step.labelKey}`)}
              <span className="sr-only"> ({stateWords[step.state]})</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
