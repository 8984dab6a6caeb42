'use client';

import { useActionState } from 'react';
import type { MagicLinkState } from './actions';

/** The form's words (`ui.lookup`), resolved on the server. */
export type MagicLinkFormWords = Record<'email' | 'linkSubmit' | 'linkPending', string>;

type Props = { action: (previous: MagicLinkState, form: FormData) => Promise<MagicLinkState>; words: MagicLinkFormWords };

const initial: MagicLinkState = { status: 'idle', message: '', at: 0 };

/** "Email me a link to all my orders": one field, one uniform answer in a live region. */
export function MagicLinkForm({ action, words }: Props) {
  const [state, formAction, pending] = useActionState(action, initial);
  return (
    <form action={formAction} className="space-y-3">
      <div>
        <label htmlFor="history-email" className="block font-semibold text-slate-900">
          {words.email}
        </label>
        <input
          id="history-email"
          name="email"
          // Not type="email": browsers refuse UTF-8 local parts (`josé@…`, RFC 6531); the server checks the address.
          type="text"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          autoComplete="email"
          required
          maxLength={320}
          aria-describedby="history-status"
          className="mt-1 block w-full rounded-lg border border-slate-500 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm"
        />
      </div>
      <p id="history-status" role="status" className={state.status === 'idle' ? 'sr-only' : 'rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-900'}>
        {state.message}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="inline-flex min-h-11 w-full items-center justify-center rounded-lg border-2 border-[var(--brand)] bg-white px-5 py-2 font-semibold text-slate-900 hover:bg-slate-50 disabled:cursor-wait sm:w-auto"
      >
        {pending ? words.linkPending : words.linkSubmit}
      </button>
    </form>
  );
}
