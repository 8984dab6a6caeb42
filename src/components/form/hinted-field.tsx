import type { InputHTMLAttributes } from 'react';

type Props = { id: string; label: string; hint: string; invalid?: boolean } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'aria-describedby' | 'aria-invalid'
>;

/** A labelled input with a hint under its label; the hint is its description, `invalid` marks it for screen readers. */
export function HintedField({ id, label, hint, invalid, ...input }: Props) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold text-slate-900">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      <input id={id} aria-describedby={`${id}-hint`} aria-invalid={invalid || undefined} {...input} />
    </div>
  );
}
