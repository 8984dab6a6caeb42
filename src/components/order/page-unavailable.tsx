'use client';

import { useTranslations } from 'next-intl';

/**
 * What a tracking page shows when it cannot be built (the database or Shopify is unreachable): a plain
 * sentence and a way to try again, never Next's default error screen.
 */
export function PageUnavailable({ reset }: { reset: () => void }) {
  const t = useTranslations('ui.unavailable');
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-4 rounded-lg border-l-4 border-amber-600 bg-amber-50 px-4 py-4 text-slate-900">
      <h1 className="text-xl font-bold">{t('title')}</h1>
      <p>{t('text')}</p>
      <button
        type="button"
        onClick={reset}
        className="inline-flex min-h-11 items-center rounded-lg bg-slate-900 px-5 py-2 font-semibold text-white hover:bg-slate-700"
      >
        {t('retry')}
      </button>
    </div>
  );
}
