import { HandoffAddressNotice } from '@/components/chat/handoff-address-notice';
import { Card, DataTable } from '@/components/dashboard/data-table';
import { forMerchantPage, readShopAccess } from '@/server/http/next-merchant-request';
import { viewSettings } from '@/server/use-cases/dashboard/merchant-dashboard';
import { inviteAction, saveSettingsAction } from '../../actions';

type Props = { params: Promise<{ shop: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES: Record<string, string> = {
  saved: 'Settings saved. The widget picks them up within a minute.',
  invited: 'Invitation sent: they get a sign-in link by email.',
  invalid: 'Some values were not valid (colour like #1d4ed8, https logo URL, domains like shop.example.com). Nothing was saved.',
  forbidden: 'Only the shop owner can change settings or invite people.',
  error: 'Something went wrong. Please try again.',
};

const input = 'mt-1 block min-h-10 w-full rounded-md border border-slate-400 px-2 text-slate-900';
const label = 'block text-sm font-medium text-slate-900';

function Code({ children, name }: { children: string; name: string }) {
  return (
    <pre aria-label={name} tabIndex={0} className="overflow-x-auto rounded-md border border-slate-300 bg-slate-100 p-3 text-xs text-slate-900">
      <code>{children}</code>
    </pre>
  );
}

export default async function SettingsPage({ params, searchParams }: Props) {
  const { shop } = await params;
  const notice = (await searchParams).notice;
  const s = await forMerchantPage(async () => {
    const { services, access } = await readShopAccess(shop);
    return viewSettings(services, access);
  });
  const owner = s.role === 'owner';
  const save = saveSettingsAction.bind(null, s.shop.domain);
  const invite = inviteAction.bind(null, s.shop.domain);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Settings</h1>
      <HandoffAddressNotice shopDomain={s.shop.domain} supportEmail={s.supportEmail} onSettingsPage />
      {typeof notice === 'string' && NOTICES[notice] && (
        <p role="status" className="rounded-lg border-l-4 border-blue-700 bg-blue-50 px-3 py-2 text-blue-950">
          {NOTICES[notice]}
        </p>
      )}
      <Card title="Install">
        <p className="text-sm text-slate-700">
          Paste the widget before the closing &lt;/body&gt; tag of your theme. The hosted tracking page is {s.trackingPageUrl}.
        </p>
        <Code name="Widget snippet">{s.widgetSnippet}</Code>
        {s.liquidSnippet && (
          <>
            <p className="text-sm text-slate-700">
              Email deep link: paste into the Order confirmation and Shipping confirmation templates (Settings → Notifications). It contains this shop&apos;s
              signing secret: keep it there only.
            </p>
            <Code name="Deep-link Liquid snippet">{s.liquidSnippet}</Code>
          </>
        )}
      </Card>
      <Card title="Brand and hand-offs">
        <form action={save} className="grid gap-4 sm:grid-cols-2">
          <fieldset disabled={!owner} className="contents">
            <label className={label}>
              Brand name
              <input name="brandName" defaultValue={s.brandName} maxLength={60} className={input} />
            </label>
            <label className={label}>
              Brand colour
              <input name="brandColor" type="color" defaultValue={s.brandColor} className="mt-1 block h-10 w-24 rounded-md border border-slate-400" />
            </label>
            <label className={label}>
              Logo URL (https)
              <input name="logoUrl" type="url" defaultValue={s.logoUrl} className={input} />
            </label>
            <label className={label}>
              Support email for hand-offs
              <input id="support-email" name="supportEmail" type="email" defaultValue={s.supportEmail} className={input} />
            </label>
            <label className={`${label} sm:col-span-2`}>
              Allowed storefront domains (one per line; the widget only opens inside these)
              <textarea name="storefrontDomains" defaultValue={s.storefrontDomains.join('\n')} rows={3} className={input} />
            </label>
            <label className={label}>
              Keep conversations and events for (days)
              <input name="retentionDays" type="number" min={7} max={3650} defaultValue={s.retentionDays} className={input} />
            </label>
            <label className={label}>
              Shopify admin staff who are not on the team
              <select name="embeddedStaffAccess" defaultValue={s.embeddedStaffAccess} className={input}>
                <option value="members">Let them in as members</option>
                <option value="owner_only">Refuse them (owner and invited teammates only)</option>
              </select>
            </label>
            <div className="flex items-end">
              <button type="submit" className="min-h-10 rounded-md bg-blue-700 px-4 text-sm font-semibold text-white hover:bg-blue-800 disabled:bg-slate-400">
                Save settings
              </button>
            </div>
          </fieldset>
        </form>
      </Card>
      <Card title="Attempt limits" help="Failed verifications allowed before a shopper must wait (set for the whole deployment).">
        <DataTable
          caption="Verification attempt limits"
          columns={['Scope', 'Failures', 'Window (minutes)']}
          rows={s.attemptLimits.map((l) => [l.scope, l.failures, l.windowMinutes])}
        />
      </Card>
      <Card title="Team">
        <DataTable
          caption="People who can open this dashboard"
          columns={['Email', 'Role', 'Invited by']}
          rows={s.members.map((m) => [m.email, m.role, m.invitedBy ?? '–'])}
        />
        {owner && (
          <form action={invite} className="flex flex-wrap items-end gap-3">
            <label className={label}>
              Invite by email
              <input name="email" type="email" required className={input} />
            </label>
            <label className={label}>
              Role
              <select name="role" className={input} defaultValue="member">
                <option value="member">Member</option>
                <option value="owner">Owner</option>
              </select>
            </label>
            <button type="submit" className="min-h-10 rounded-md bg-blue-700 px-4 text-sm font-semibold text-white hover:bg-blue-800">
              Send invitation
            </button>
          </form>
        )}
      </Card>
    </div>
  );
}
