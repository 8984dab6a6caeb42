'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { HintedField } from '@/components/form/hinted-field';
import { ContactAction, type ContactRoute } from '@/components/order/contact-action';
import { splitAtSlot } from '@/components/i18n/slots';
import type { LookupState } from './actions';
import { useLockoutCountdown } from './use-lockout-countdown';

/**
 * The form's words (`ui.lookup`), resolved on the server: `orderHint` already names an order number in the shop's
 * own format (`NT-1001`), `tryAgainIn` keeps a `{clock}` slot, `contactAction` is the label of `contact`'s action.
 */
export type LookupFormWords = Record<
  | 'orderNumber'
  | 'orderHint'
  | 'email'
  | 'emailHint'
  | 'submit'
  | 'pending'
  | 'tryAgainIn'
  | 'tryAgainNow'
  | 'notSure'
  | 'linkInstead'
  | 'askTeam'
  | 'contactAction',
  string
>;

/**
 * `magicLinkFieldId`: the email field of the "email me a link" form, offered as the other way in near the limit.
 * `contact`: a person.
 */
type Props = {
  action: (previous: LookupState, form: FormData) => Promise<LookupState>;
  words: LookupFormWords;
  magicLinkFieldId: string;
  contact: ContactRoute;
};

const initial: LookupState = { status: 'idle', message: '', values: { orderReference: '', email: '' }, at: 0 };
const inputClass =
  'mt-1 block w-full rounded-lg border border-slate-500 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-[var(--brand)] disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600';

/** Order number + email. Works without JavaScript (server action); with it, keeps the typed values and moves focus to the answer. */
export function LookupForm({ action, words, magicLinkFieldId, contact }: Props) {
  const [state, formAction, pending] = useActionState(action, initial);
  const lockout = useLockoutCountdown(state.retryAfterSeconds, state.at);
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
  const [before, after] = splitAtSlot(words.tryAgainIn, 'clock');
  const failed = state.status !== 'idle';
  const nearLimit = state.triesLeft === 1 || state.status === 'locked' || lockout.paused;
  const offerMagicLink = () => {
    const field = document.getElementById(magicLinkFieldId);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  };
  return (
    <div className="space-y-4">
      {failed && !(lockout.over && state.status === 'locked') && (
        <p
          id="lookup-message"
          ref={messageRef}
          tabIndex={-1}
          role="alert"
          className={`rounded-lg border-l-4 px-3 py-2 text-sm ${
            lockout.paused || state.status === 'locked' ? 'border-red-700 bg-red-50 text-red-900' : 'border-amber-600 bg-amber-50 text-amber-950'
          }`}
        >
          {state.message}
        </p>
      )}
      {lockout.paused && (
        // A timer is not a live region: the countdown is shown, never read out every second.
        <p role="timer" className="text-sm font-semibold text-slate-900">
          {before}
          <span className="tabular-nums">{lockout.clock}</span>
          {after}
        </p>
      )}
      {lockout.over && (
        <p role="status" className="rounded-lg border-l-4 border-green-700 bg-green-50 px-3 py-2 text-sm text-green-950">
          {words.tryAgainNow}
        </p>
      )}
      {nearLimit && !lockout.over && (
        <div className="space-y-3 rounded-lg border border-slate-300 bg-slate-50 px-3 py-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <p className="text-sm text-slate-800">{words.notSure}</p>
            <a
              href={`#${magicLinkFieldId}`}
              onClick={(event) => {
                event.preventDefault();
                offerMagicLink();
              }}
              className="inline-flex min-h-11 items-center justify-center rounded-lg border-2 border-slate-900 bg-white px-4 py-2 text-sm font-semibold text-slate-900 no-underline hover:bg-slate-100"
            >
              {words.linkInstead}
            </a>
          </div>
          <ContactAction route={contact} prompt={words.askTeam} actionLabel={words.contactAction} />
        </div>
      )}
      <form action={formAction} className="space-y-4" aria-describedby={failed ? 'lookup-message' : undefined} noValidate>
        <fieldset disabled={lockout.paused} className="m-0 min-w-0 space-y-4 border-0 p-0">
          <HintedField
            id="orderReference"
            name="orderReference"
            label={words.orderNumber}
            hint={words.orderHint}
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
            label={words.email}
            hint={words.emailHint}
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
            className="inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-[var(--brand)] px-5 py-2.5 font-semibold text-[var(--on-brand)] shadow-sm hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-70 sm:w-auto"
          >
            {pending ? words.pending : words.submit}
          </button>
        </fieldset>
      </form>
    </div>
  );
}
