'use client';

import type { FormEvent } from 'react';
import type { Locale } from '@/domain/i18n/locales';

/** A language's own name (`Deutsch`, `日本語`), the way a shopper looks for it in a list. */
export function nativeLanguageName(locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

type Props = {
  /** The languages the shop publishes that we speak; no switcher when there is only one. */
  locales: readonly Locale[];
  /** Where the control sits: on the brand colour (page header, widget header) or on white. */
  tone?: 'brand' | 'plain';
  id?: string;
  /** The page's language (selected in the list) and the control's words, resolved on the server. */
  current: Locale;
  labels: LanguageSwitcherLabels;
};

/** The switcher's words in the page's language (`ui.language`): a client component gets them as props, not a translator. */
export type LanguageSwitcherLabels = { label: string; apply: string };

/**
 * A labelled select and a button: a GET form that reloads the page with `?lang=`, which the proxy keeps in a
 * session cookie. Works without JavaScript; with it, the rest of the URL is kept (the widget's App Proxy query and
 * its `#origin=…&conversation=…` fragment). Changing the select alone never reloads the page (WCAG 3.2.2).
 */
export function LanguageSwitcher({ locales, tone = 'brand', id = 'language', current, labels }: Props) {
  if (locales.length < 2) return null;
  const keepUrl = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget).get('lang');
    if (typeof chosen !== 'string') return;
    const url = new URL(window.location.href);
    url.searchParams.set('lang', chosen);
    window.location.replace(url);
  };
  const control = tone === 'brand' ? 'border-current bg-transparent text-inherit' : 'border-slate-500 bg-white text-slate-900';
  return (
    <form method="get" onSubmit={keepUrl} className="flex items-center gap-1.5 text-sm">
      <label htmlFor={id} className="sr-only">
        {labels.label}
      </label>
      <select id={id} name="lang" defaultValue={current} className={`min-h-11 w-32 rounded-lg border px-2 py-1.5 text-sm sm:w-40 ${control}`}>
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale} className="bg-white text-slate-900">
            {nativeLanguageName(locale)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        aria-label={labels.apply}
        title={labels.apply}
        className={`grid min-h-11 min-w-11 place-items-center rounded-lg border ${tone === 'brand' ? 'border-current' : 'border-slate-500 bg-white text-slate-900'}`}
      >
        <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" width="18" height="18" fill="currentColor">
          <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm5.9 7h-2.5a12.4 12.4 0 0 0-1.1-4.6A6 6 0 0 1 15.9 9zM10 4c.7.8 1.6 2.6 1.8 5H8.2C8.4 6.6 9.3 4.8 10 4zM7.7 4.4A12.4 12.4 0 0 0 6.6 9H4.1a6 6 0 0 1 3.6-4.6zM4.1 11h2.5c.1 1.7.5 3.3 1.1 4.6A6 6 0 0 1 4.1 11zm5.9 5c-.7-.8-1.6-2.6-1.8-5h3.6c-.2 2.4-1.1 4.2-1.8 5zm2.3-.4c.6-1.3 1-2.9 1.1-4.6h2.5a6 6 0 0 1-3.6 4.6z" />
        </svg>
      </button>
    </form>
  );
}
