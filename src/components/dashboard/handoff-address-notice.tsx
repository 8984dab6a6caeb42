type Props = {
  supportEmail: string | null | undefined;
  /** The settings page's support-email field, or null on that page itself. */ settingsHref: string | null;
};

/** Dashboard warning: without a support address the chat cannot pass shoppers to a person, so it offers none. */
export function HandoffAddressNotice({ supportEmail, settingsHref }: Props) {
  if (supportEmail?.trim()) return null;
  return (
    <div role="note" aria-label="Hand-offs cannot reach anyone" className="rounded-lg border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-amber-950">
      <p className="font-semibold">Hand-offs cannot reach anyone yet</p>
      <p className="text-sm">
        Set a support email address so shoppers who ask for a person in the chat can be passed to your team. Until then the chat does not offer a person and
        tells shoppers to use the contact details on your website.{' '}
        <a href={settingsHref ?? '#support-email'} className="font-medium underline underline-offset-2">
          {settingsHref ? 'Set the support email in Settings' : 'Set the support email'}
        </a>
      </p>
    </div>
  );
}
