'use client';

import { PageUnavailable } from '@/components/order/page-unavailable';

/** A tracking page that failed to render, inside the shop's branded frame. */
export default function TrackingPageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageUnavailable reset={reset} />;
}
