import Link from 'next/link';
import { connection } from 'next/server';
import { getServices } from '@/server/services';
import { listConnectedShops } from '@/server/shops/list-connected-shops';

export default async function LandingPage() {
  await connection();
  const services = await getServices();
  const shops = await listConnectedShops(services.db);

  return (
    <main className="mx-auto max-w-3xl px-5 py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-blue-800">Open source · for Shopify</p>
      <h1 className="mt-2 text-4xl font-bold tracking-tight">Order Status Agent</h1>
      <p className="mt-4 text-lg text-slate-700">
        Answers the question shoppers ask most — <q>Where is my order?</q> — in a chat on the store, on a hosted tracking page and from links in order emails,
        only after checking who is asking. Merchants see what those questions cost and why they happen.
      </p>

      <section aria-labelledby="shops-heading" className="mt-10">
        <h2 id="shops-heading" className="text-xl font-semibold">
          Connected shops
        </h2>
        {shops.length === 0 ? (
          <p className="mt-3 text-slate-700">
            No shop is connected yet. Run <code className="rounded bg-slate-200 px-1">npm run demo</code> to start the demo shop, or{' '}
            <code className="rounded bg-slate-200 px-1">npm run shop:connect</code> for your own.
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {shops.map((shop) => (
              <li key={shop.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div>
                  <p className="font-medium">{shop.name}</p>
                  <p className="text-sm text-slate-600">{shop.domain}</p>
                </div>
                {shop.uninstalledAt ? (
                  <span className="text-sm text-red-800">Uninstalled</span>
                ) : (
                  <span className="flex flex-wrap items-center gap-3 text-sm">
                    <span className="text-green-800">Connected</span>
                    <Link className="inline-flex min-h-6 items-center text-blue-800 underline underline-offset-2" href={`/t/${shop.domain}`}>
                      Tracking page<span className="sr-only"> for {shop.name}</span>
                    </Link>
                    <Link className="inline-flex min-h-6 items-center text-blue-800 underline underline-offset-2" href={`/widget/${shop.domain}`}>
                      Chat<span className="sr-only"> for {shop.name}</span>
                    </Link>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="doors-heading" className="mt-10">
        <h2 id="doors-heading" className="text-xl font-semibold">
          For developers
        </h2>
        <ul className="mt-3 list-disc space-y-1 pl-6 text-slate-700">
          <li>
            <Link className="text-blue-800 underline underline-offset-2" href="/dashboard">
              Merchant dashboard
            </Link>{' '}
            — WISMO analytics, conversations, settings (demo: sign in as <code>merchant@example.com</code>).
          </li>
          <li>
            <Link className="text-blue-800 underline underline-offset-2" href="/dev/outbox">
              Email outbox
            </Link>{' '}
            — sign-in links and hand-off mails on embedded defaults (not served in production).
          </li>
          <li>
            <Link className="text-blue-800 underline underline-offset-2" href="/api/health">
              Health check
            </Link>{' '}
            — database, cache and each shop&apos;s Admin API, as JSON.
          </li>
        </ul>
      </section>
    </main>
  );
}
