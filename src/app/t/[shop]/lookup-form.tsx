'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { HintedField } from '@/components/form/hinted-field';
import type { LookupState } from './actions';

/** `orderExample`: an order number in the shop's own format (`NT-1001`), for the hint. */
type Props = { action: (previous: LookupState, form: FormData) => Promise<LookupState>; orderExample: string };

const initial: LookupState = { status: 'idle', message: '', values: { orderReference: '', email: '' }, at: 0 };
const inputClass = 'mt-1 block w-full rounded-lg border border-slate-500 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-[var(--brand)]';

/** Order number + email. Works without JavaScript (server action); with it, keeps the typed values and moves focus to the answer. */
export function LookupForm({ action, orderExample }: Props) {
  const t = useTranslations('ui.lookup');
  const [state, formAction, pending] = useActionState(action, initial);
  const messageRef = useRef<HTMLParagraphElement>(null);
  // Controlled, so a failed attempt keeps what the shopper typed (React resets uncontrolled forms after an action).
  const [orderReference, setOrderReference] = useState(state.values.orderReference);
  const [email, setEmail] = useState(state.values.email);
  useEffect(() => {
    // After React has committed and reset the form: move focus to the answer so it is read and easy to find.
    if (!state.at) return;
    const frame = requestAnimationFrame(() => messageRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [state.at]);
  const failed = state.status !== 'idle';
  return (
    <div className="space-y-4">
      {failed && (
        <p
          id="lookup-message"
          ref={messageRef}
          tabIndex={-1}
          role="alert"
          className={`rounded-lg border-l-4 px-3 py-2 text-sm ${
            state.status === 'locked' ? 'border-red-700 bg-red-50 text-red-900' : 'border-amber-600 bg-amber-50 text-amber-950'
          }`}
        >
          {state.message}
        </p>
      )}
      <form action={formAction} className="space-y-4" aria-describedby={failed ? 'lookup-message' : undefined} noValidate>
        <HintedField
          id="orderReference"
          name="orderReference"
          label={t('orderNumber')}
          hint={t('orderHint', { example: orderExample })}
          type="text"
          inputMode="text"
          autoComplete="off"
          required
          maxLength={200}
          value={orderReference}
          onChange={(event) => setOrderReference(event.target.value)}
          invalid={state.status === 'not_verified'}
          className={inputClass}
        />
        <HintedField
          id="email"
          name="email"
          label={t('email')}
          hint={t('emailHint')}
          // Not type="email": browsers refuse UTF-8 local parts (`josé@…`, RFC 6531); the server checks the address.
          type="text"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          autoComplete="email"
          required
          maxLength={320}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          invalid={state.status === 'not_verified'}
          className={inputClass}
        />
        <button
          type="submit"
          disabled={pending}
          className="inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-[var(--brand)] px-5 py-2.5 font-semibold text-[var(--on-brand)] shadow-sm hover:opacity-90 disabled:cursor-wait disabled:opacity-70 sm:w-auto"
        >
          {pending ? t('pending') : t('submit')}
        </button>
      </form>
    </div>
  );
}
