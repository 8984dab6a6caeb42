/**
 * How a shopper reaches a person from a problem, delay or lockout: the shop's support address when it has one,
 * otherwise the chat, where "Talk to a person" starts a hand-off. `chat_link` opens the chat (hosted pages);
 * `chat_button` asks inside the chat the card is already in (widget).
 */
export type ContactRoute = { kind: 'email'; address: string } | { kind: 'chat_link'; href: string } | { kind: 'chat_button'; onAsk: () => void };

/** The shop's support address as a mailto when set, else a link to the shop's chat page. */
export function chooseContactRoute(shopDomain: string, supportEmail: string | null | undefined): ContactRoute {
  return supportEmail ? { kind: 'email', address: supportEmail } : { kind: 'chat_link', href: `/widget/${shopDomain}` };
}

const actionClass =
  'inline-flex min-h-11 items-center justify-center rounded-lg border-2 border-slate-900 bg-white px-4 py-2 text-sm font-semibold text-slate-900 no-underline hover:bg-slate-100';

/** The words on the action (`ui.contact`), by whichever translator the caller has (server pages, the chat's cards, or a page's props). */
export function contactActionLabel(route: ContactRoute, t: (key: 'email' | 'chat' | 'person', values: { address: string }) => string): string {
  const key = route.kind === 'email' ? 'email' : route.kind === 'chat_link' ? 'chat' : 'person';
  return t(key, { address: route.kind === 'email' ? route.address : '' });
}

/**
 * One sentence saying who can help, and the one action that reaches them. Never a bare "contact them".
 * `actionLabel`: contactActionLabel(route, …) in the page's language.
 */
export function ContactAction({
  route,
  prompt,
  actionLabel,
  className = '',
}: {
  route: ContactRoute;
  prompt: string;
  actionLabel: string;
  className?: string;
}) {
  return (
    <div className={`flex flex-wrap items-center gap-x-3 gap-y-2 ${className}`}>
      <p className="text-sm text-slate-800">{prompt}</p>
      {route.kind === 'email' && (
        <a href={`mailto:${route.address}`} className={actionClass}>
          {actionLabel}
        </a>
      )}
      {route.kind === 'chat_link' && (
        <a href={route.href} className={actionClass}>
          {actionLabel}
        </a>
      )}
      {route.kind === 'chat_button' && (
        <button type="button" onClick={route.onAsk} className={actionClass}>
          {actionLabel}
        </button>
      )}
    </div>
  );
}
