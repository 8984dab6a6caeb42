import { DashboardNav } from '@/components/dashboard/dashboard-nav';
import type { ReactNode } from 'react';
import { forMerchantPage, readMerchantRequest } from '@/server/http/next-merchant-request';
import { requireMerchant } from '@/server/use-cases/dashboard/authorize-shop-access';
import { listMerchantShops } from '@/server/use-cases/dashboard/merchant-dashboard';
import { signOutAction } from '../actions';

type Props = { children: ReactNode; params: Promise<{ shop: string }> };

/** Shop header and navigation; membership is checked here and again by every procedure. */
export default async function ShopDashboardLayout({ children, params }: Props) {
  const { shop } = await params;
  const { shops, email } = await forMerchantPage(async () => {
    const { services, signedIn } = await readMerchantRequest();
    return listMerchantShops(services, requireMerchant(signedIn));
  });
  const current = shops.find((s) => s.domain === decodeURIComponent(shop));
  const base = `/dashboard/${encodeURIComponent(shop)}`;
  const links = [
    { label: 'Overview', href: base },
    { label: 'Order timeline', href: `${base}/orders` },
    { label: 'Conversations', href: `${base}/conversations` },
    { label: 'Audit log', href: `${base}/audit` },
    { label: 'Settings', href: `${base}/settings` },
  ];
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <p className="font-semibold text-slate-900">
            {current?.name ?? shop} <span className="text-sm font-normal text-slate-700">· order-status dashboard</span>
          </p>
          <form action={signOutAction} className="flex items-center gap-2 text-sm text-slate-700">
            <span className="hidden sm:inline">{email}</span>
            <button type="submit" className="min-h-8 rounded-md border border-slate-400 px-3 text-slate-900 hover:bg-slate-100">
              Sign out
            </button>
          </form>
        </div>
        <DashboardNav links={links} />
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
