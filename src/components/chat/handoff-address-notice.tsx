import Link from 'next/link';

type Props = { shopDomain: string; supportEmail: string | null | undefined; onSettingsPage?: boolean };

/** Dashboard warning: without a support address the chat cannot pass shoppers to a person, so it offers none. */
export function HandoffAddressNotice({ shopDomain, supportEmail, onSettingsPage = false }: Props) {
  if (supportEmail?.trim()) return null;
  return (
    <div role="note" aria-label="Hand-offs cannot reach anyone" className="rounded-lg border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-amber-950">
      <p className="font-semibold">Hand-offs cannot reach anyone yet</p>
      <p className="text-sm">
        Set a support email address so shoppers who ask for a person in the chat can be passed to your team. Until then the chat does not offer a person and
        tells shoppers to use the contact details on your website.{' '}
        {onSettingsPage ? (
          <a href="#support-email" className="font-medium underline underline-offset-2">
            Set the support email
          </a>
        ) : (
          <Link href={`/dashboard/${encodeURIComponent(shopDomain)}/settings#support-email`} className="font-medium underline underline-offset-2">
            Set the support email in Settings
          </Link>
        )}
      </p>
    </div>
  );
}
