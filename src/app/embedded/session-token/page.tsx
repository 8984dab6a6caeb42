export const metadata = { title: 'Loading' };

/**
 * The session-token bounce (docs/embedded.md): this page only loads App Bridge (the embedded layout), which sees
 * `shopify-reload` and reloads that URL with a fresh `id_token`. It reads nothing and shows no data.
 */
export default function SessionTokenBouncePage() {
  return (
    <main id="main" className="px-4 py-10 text-center text-slate-700">
      <p role="status">Loading your dashboard…</p>
    </main>
  );
}
