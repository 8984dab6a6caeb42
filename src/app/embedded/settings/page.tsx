import { SettingsBody, type SettingsForm } from '@/components/dashboard/settings-body';
import { EmbeddedActionForm } from '@/components/embedded/embedded-client';
import { EmbeddedNotice, EmbeddedShell } from '@/components/embedded/embedded-shell';
import { loadEmbeddedPage } from '@/server/http/next-embedded-request';
import { viewSettings } from '@/server/use-cases/dashboard/merchant-dashboard';
import { inviteEmbeddedAction, saveEmbeddedSettingsAction } from '../actions';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata = { title: 'Settings' };

/** Settings inside Shopify admin: the dashboard's body; changes go through session-token actions, confirmed by a toast. */
export default async function EmbeddedSettingsPage({ searchParams }: Props) {
  const page = await loadEmbeddedPage('/embedded/settings', await searchParams);
  if (page.kind === 'refused') return <EmbeddedNotice title={page.title} message={page.message} />;
  const { services, access, door } = page;
  const s = await viewSettings(services, access);
  const Form: SettingsForm = ({ kind, className, children }) => (
    <EmbeddedActionForm action={kind === 'save' ? saveEmbeddedSettingsAction : inviteEmbeddedAction} className={className}>
      <input type="hidden" name="shop" value={door.hidden.shop ?? ''} />
      {children}
    </EmbeddedActionForm>
  );
  return (
    <EmbeddedShell title="Settings" staff={{ name: access.staff.name, role: access.membership.role }}>
      <SettingsBody s={s} notice={null} Form={Form} />
    </EmbeddedShell>
  );
}
