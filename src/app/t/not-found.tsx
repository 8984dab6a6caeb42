import { PageNotFound } from '@/components/order/page-not-found';

/** Unknown shops and pages under /t, in the shopper's language (Next's own 404 page is English only). */
export default function TrackingNotFound() {
  return <PageNotFound />;
}
