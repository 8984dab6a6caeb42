import type { Metadata } from 'next';
import Link from 'next/link';
import { loadTrackingShop } from '@/server/http/next-shopper-request';

export const metadata: Metadata = { title: 'Sign-in link not valid', robots: { index: false }, referrer: 'no-referrer' };

type Props = { searchParams: Promise<{ error?: string | string[]; shop?: string | string[] }> };

/** Auth.js's error page: a used or expired magic link lands here, and goes back to the shop it came from. */
export default async function AuthErrorPage({ searchParams }: Props) {
  const { error, shop: shopParam } = await searchParams;
  // Our auth route adds the shop the link was requested in; it is only trusted if it is an installed shop.
  const shop = typeof shopParam === 'string' ? await loadTrackingShop(shopParam) : null;
  const linkProblem = error === 'Verification' || error === undefined;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">{linkProblem ? 'This sign-in link is not valid any more' : 'Sign-in is not available'}</h1>
      <p className="mt-3 text-slate-700">
        {linkProblem
          ? 'Sign-in links work once and expire after 1 hour. Ask for a new one and open the newest email.'
          : 'Sign-in links are sent from the order status page of the shop you bought from.'}
      </p>
      {shop ? (
        <Link href={`/t/${shop.domain}`} className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-blue-800 px-5 py-2 font-semibold text-white">
          Back to {shop.name} order status
        </Link>
      ) : (
        <Link href="/" className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-blue-800 px-5 py-2 font-semibold text-white">
          Home
        </Link>
      )}
    </main>
  );
}
