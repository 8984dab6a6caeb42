import { isSettingsNotice, SettingsBody, type SettingsForm } from '@/components/dashboard/settings-body';
import { forMerchantPage, readShopAccess } from '@/server/http/next-merchant-request';
import { viewSettings } from '@/server/use-cases/dashboard/merchant-dashboard';
import { inviteAction, saveSettingsAction } from '../../actions';

type Props = { params: Promise<{ shop: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SettingsPage({ params, searchParams }: Props) {
  const { shop } = await params;
  const notice = (await searchParams).notice;
  const s = await forMerchantPage(async () => {
    const { services, access } = await readShopAccess(shop);
    return viewSettings(services, access);
  });
  const save = saveSettingsAction.bind(null, s.shop.domain);
  const invite = inviteAction.bind(null, s.shop.domain);
  const Form: SettingsForm = ({ kind, className, children }) => (
    <form action={kind === 'save' ? save : invite} className={className}>
      {children}
    </form>
  );
  return <SettingsBody s={s} notice={isSettingsNotice(notice) ? notice : null} Form={Form} />;
}
