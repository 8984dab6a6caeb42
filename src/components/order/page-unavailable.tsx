'use client';

import { createContext, useContext, type ReactNode } from 'react';

/** The error page's words (`ui.unavailable`), resolved on the server by the layout: no translator ships to browsers. */
export type PageUnavailableWords = { title: string; text: string; retry: string };

const WordsContext = createContext<PageUnavailableWords | null>(null);

/** Set once by the shopper pages' layout, above every error boundary that shows PageUnavailable. */
export function PageUnavailableWordsProvider({ words, children }: { words: PageUnavailableWords; children: ReactNode }) {
  return <WordsContext.Provider value={words}>{children}</WordsContext.Provider>;
}

/**
 * What a tracking page shows when it cannot be built (the database or Shopify is unreachable): a plain
 * sentence and a way to try again, never Next's default error screen.
 */
export function PageUnavailable({ reset }: { reset: () => void }) {
  const words = useContext(WordsContext);
  if (!words) throw new Error('PageUnavailable is rendered outside PageUnavailableWordsProvider (src/app/t/layout.tsx)');
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-4 rounded-lg border-l-4 border-amber-600 bg-amber-50 px-4 py-4 text-slate-900">
      <h1 className="text-xl font-bold">{words.title}</h1>
      <p>{words.text}</p>
      <button
        type="button"
        onClick={reset}
        className="inline-flex min-h-11 items-center rounded-lg bg-slate-900 px-5 py-2 font-semibold text-white hover:bg-slate-700"
      >
        {words.retry}
      </button>
    </div>
  );
}
