'use client';

import { useEffect, useState, type FormEvent, type ReactNode } from 'react';

/** The part of App Bridge (`window.shopify`) these components use. */
type AppBridge = { idToken: () => Promise<string>; toast: { show: (message: string, options?: { isError?: boolean }) => void } };

const appBridge = (): AppBridge | null => (window as unknown as { shopify?: AppBridge }).shopify ?? null;

export type EmbeddedActionResult = { ok: boolean; message: string };

/**
 * A form inside Shopify admin, posted to a server action with a fresh session token: the token is asked of App
 * Bridge at submit and travels as the `id_token` field (a server action cannot be given headers), so no cookie is
 * involved. The outcome is shown as App Bridge's toast and, for screen readers and without admin, as a status line.
 */
export function EmbeddedActionForm({
  action,
  className,
  children,
}: {
  action: (form: FormData) => Promise<EmbeddedActionResult>;
  className: string;
  children: ReactNode;
}) {
  const [status, setStatus] = useState<EmbeddedActionResult | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const bridge = appBridge();
    setPending(true);
    let result: EmbeddedActionResult;
    try {
      if (!bridge) throw new Error('App Bridge is not loaded');
      form.set('id_token', await bridge.idToken());
      result = await action(form);
    } catch {
      result = { ok: false, message: 'Shopify admin did not confirm your session. Reload the app and try again.' };
    }
    setPending(false);
    setStatus(result);
    bridge?.toast.show(result.message, result.ok ? undefined : { isError: true });
  };
  return (
    <form onSubmit={submit} className={className} aria-busy={pending}>
      {children}
      <p role="status" className={status ? `w-full text-sm ${status.ok ? 'text-green-800' : 'text-red-800'}` : 'sr-only'}>
        {status?.message ?? ''}
      </p>
    </form>
  );
}

/**
 * CSV links inside admin (`/embedded/export/…`): a plain link would carry no session token, so a click fetches the
 * file with `Authorization: Bearer` from App Bridge and hands it to the browser as a download.
 */
export function EmbeddedDownloads() {
  useEffect(() => {
    const onClick = async (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (!link || new URL(link.href, location.href).origin !== location.origin || !new URL(link.href).pathname.startsWith('/embedded/export/')) return;
      const bridge = appBridge();
      if (!bridge) return;
      event.preventDefault();
      try {
        const response = await fetch(link.href, { headers: { Authorization: `Bearer ${await bridge.idToken()}` } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export.csv';
        const url = URL.createObjectURL(await response.blob());
        const save = Object.assign(document.createElement('a'), { href: url, download: name });
        document.body.append(save);
        save.click();
        save.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        bridge.toast.show(`Downloaded ${name}`);
      } catch {
        bridge.toast.show('The download did not work. Please try again.', { isError: true });
      }
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
  return null;
}
