import Link from 'next/link';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { readMerchantRequest } from '@/server/http/next-merchant-request';
import { listMerchantShops } from '@/server/use-cases/dashboard/merchant-dashboard';
import { MERCHANT_SIGN_IN_ACCEPTED } from '@/server/use-cases/dashboard/request-merchant-sign-in';
import { signInAction, signOutAction } from './actions';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES: Record<string, string> = {
  accepted: MERCHANT_SIGN_IN_ACCEPTED,
  invalid_email: 'Please enter a valid email address, like name@example.com.',
  limited: 'Too many sign-in links were asked for. Please try again in an hour.',
  signed_out: 'You are signed out.',
  installed:
    "The app is installed. Sign in with your store's owner email: the store email in your Shopify admin (Settings → General), where Shopify writes to you. We email you a link; once in, invite your team from the shop's settings.",
};

/** Sign-in for merchants (magic link), or the list of shops the signed-in merchant belongs to. */
export default async function DashboardHome({ searchParams }: Props) {
  await connection();
  const { services, signedIn: merchant } = await readMerchantRequest();
  const notice = (await searchParams).notice;
  const message = typeof notice === 'string' ? NOTICES[notice] : undefined;
  if (!merchant) {
    return (
      <main id="main" className="mx-auto max-w-md px-4 py-12">
        <h1 className="text-2xl font-bold text-slate-900">Sign in to your dashboard</h1>
        <p className="mt-2 text-slate-700">We email you a link that signs you in. No password.</p>
        {message && (
          <p role="status" className="mt-4 rounded-lg border-l-4 border-blue-700 bg-blue-50 px-3 py-2 text-blue-950">
            {message}
          </p>
        )}
        <form action={signInAction} className="mt-6 space-y-3">
          <label htmlFor="email" className="block font-medium text-slate-900">
            Work email
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            className="block min-h-11 w-full rounded-lg border border-slate-400 px-3 text-slate-900"
          />
          <button type="submit" className="min-h-11 w-full rounded-lg bg-blue-700 px-4 font-semibold text-white hover:bg-blue-800">
            Email me a sign-in link
          </button>
        </form>
      </main>
    );
  }
  const { shops } = await listMerchantShops(services, merchant);
  if (shops.length === 1 && !message) redirect(`/dashboard/${shops[0]!.domain}`);
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12">
      <h1 className="text-2xl font-bold text-slate-900">Your shops</h1>
      <p className="mt-1 text-slate-700">Signed in as {merchant.email}.</p>
      {shops.length === 0 ? (
        <p className="mt-6 text-slate-700">This email is not a member of any shop yet. Ask the shop owner to invite you, or install the app on your shop.</p>
      ) : (
        <ul className="mt-6 space-y-2">
          {shops.map((shop) => (
            <li key={shop.shopId}>
              <Link
                href={`/dashboard/${shop.domain}`}
                className="block rounded-lg border border-slate-200 bg-white px-4 py-3 font-medium text-blue-800 hover:bg-blue-50"
              >
                {shop.name}{' '}
                <span className="text-sm text-slate-700">
                  ({shop.domain}, {shop.role})
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <form action={signOutAction} className="mt-8">
        <button type="submit" className="min-h-11 rounded-lg border border-slate-400 px-4 text-slate-900 hover:bg-slate-100">
          Sign out
        </button>
      </form>
    </main>
  );
}
