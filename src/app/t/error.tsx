'use client';

import { PageUnavailable } from '@/components/order/page-unavailable';

/** The shop's frame itself could not be built (it reads the shop from the database): the same answer, unbranded. */
export default function TrackingFrameError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="px-4 py-10">
      <PageUnavailable reset={reset} />
    </main>
  );
}
