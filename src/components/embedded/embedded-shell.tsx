import { createElement, type ReactNode } from 'react';
import { EmbeddedDownloads } from './embedded-client';

/** The sections App Bridge's `ui-nav-menu` lists (the first, `rel="home"`, is where the app's name leads). */
export const EMBEDDED_SECTIONS = [
  ['Overview', '/embedded'],
  ['Order timeline', '/embedded/orders'],
  ['Conversations', '/embedded/conversations'],
  ['Audit log', '/embedded/audit'],
  ['Settings', '/embedded/settings'],
] as const;

/**
 * Frame of an embedded page: App Bridge's `ui-nav-menu` (admin shows these links in its own navigation; the
 * `rel="home"` one is where the app's name leads and is not listed) and `ui-title-bar`, then the page. No header of
 * our own: inside admin, navigation and title belong to admin.
 */
export function EmbeddedShell({ title, staff, children }: { title: string; staff: { name: string; role: string }; children: ReactNode }) {
  return (
    <>
      {createElement(
        'ui-nav-menu',
        null,
        ...EMBEDDED_SECTIONS.map(([label, href], index) => (
          <a key={href} href={href} {...(index === 0 ? { rel: 'home' } : {})}>
            {label}
          </a>
        )),
      )}
      {createElement('ui-title-bar', { title })}
      <EmbeddedDownloads />
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-4">
        <p className="text-sm text-slate-700">
          Opened from Shopify admin as <span className="font-medium text-slate-900">{staff.name}</span> ({staff.role})
        </p>
        {children}
      </main>
    </>
  );
}

/** A refusal inside admin: why, and what to do; never any of the shop's numbers. */
export function EmbeddedNotice({ title, message }: { title: string; message: string }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-10">
      <div role="alert" className="rounded-xl border border-amber-300 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-bold text-slate-900">{title}</h1>
        <p className="mt-2 text-slate-900">{message}</p>
      </div>
    </main>
  );
}
