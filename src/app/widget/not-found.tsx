import { PageNotFound } from '@/components/order/page-not-found';

/** The chat iframe of a shop we do not serve, in the shopper's language. */
export default function WidgetNotFound() {
  return <PageNotFound />;
}
