'use client';

import { useState, type FormEvent } from 'react';
import type { ChatWords } from './chat-words';

const MAX_LENGTH = 4000;

type Props = {
  words: Pick<ChatWords, 'message' | 'placeholder' | 'send'>;
  disabled: boolean;
  busy: boolean;
  onSend: (text: string) => Promise<boolean>;
  inputRef?: React.Ref<HTMLInputElement>;
};

/** The message field ("Message") and the Send button. Paste is allowed; the text is kept when sending fails. */
export function ChatComposer({ words, disabled, busy, onSend, inputRef }: Props) {
  const [text, setText] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value || busy || disabled) return;
    // After a click on Send, focus would stay on the button: the next message is typed in the field.
    event.currentTarget.querySelector('input')?.focus();
    setText('');
    if (!(await onSend(value))) setText(value);
  };

  return (
    <form onSubmit={submit} className="flex items-end gap-2 border-t border-slate-200 bg-white p-3">
      <label htmlFor="chat-message" className="sr-only">
        {words.message}
      </label>
      <input
        id="chat-message"
        ref={inputRef}
        type="text"
        value={text}
        onChange={(event) => setText(event.target.value)}
        maxLength={MAX_LENGTH}
        autoComplete="off"
        enterKeyHint="send"
        placeholder={words.placeholder}
        disabled={disabled}
        className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-500 bg-white px-3 text-base text-slate-900 placeholder:text-slate-600 disabled:bg-slate-100"
      />
      <button
        type="submit"
        aria-disabled={busy || disabled || !text.trim()}
        className="min-h-11 rounded-lg bg-[var(--brand)] px-4 font-semibold text-[var(--on-brand)] aria-disabled:opacity-70"
      >
        {words.send}
      </button>
    </form>
  );
}
