'use client';

/**
 * What a tracking page shows when it cannot be built (the database or Shopify is unreachable): a plain
 * sentence and a way to try again, never Next's default error screen.
 */
export function PageUnavailable({ reset }: { reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-4 rounded-lg border-l-4 border-amber-600 bg-amber-50 px-4 py-4 text-slate-900">
      <h1 className="text-xl font-bold">We can&apos;t look that up right now</h1>
      <p>Our order-status service is having trouble. Please try again in a few minutes; your order itself is not affected.</p>
      <button
        type="button"
        onClick={reset}
        className="inline-flex min-h-11 items-center rounded-lg bg-slate-900 px-5 py-2 font-semibold text-white hover:bg-slate-700"
      >
        Try again
      </button>
    </div>
  );
}
