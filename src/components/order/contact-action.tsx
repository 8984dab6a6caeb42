import { useTranslations } from 'next-intl';

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

/** One sentence saying who can help, and the one action that reaches them. Never a bare "contact them". */
export function ContactAction({ route, prompt, className = '' }: { route: ContactRoute; prompt: string; className?: string }) {
  const t = useTranslations('ui.contact');
  return (
    <div className={`flex flex-wrap items-center gap-x-3 gap-y-2 ${className}`}>
      <p className="text-sm text-slate-800">{prompt}</p>
      {route.kind === 'email' && (
        <a href={`mailto:${route.address}`} className={actionClass}>
          {t('email', { address: route.address })}
        </a>
      )}
      {route.kind === 'chat_link' && (
        <a href={route.href} className={actionClass}>
          {t('chat')}
        </a>
      )}
      {route.kind === 'chat_button' && (
        <button type="button" onClick={route.onAsk} className={actionClass}>
          {t('person')}
        </button>
      )}
    </div>
  );
}
