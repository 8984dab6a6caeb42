import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { PageUnavailableWordsProvider } from '@/components/order/page-unavailable';

/**
 * Every shopper page speaks the negotiated language (src/i18n/request.ts). Client components get their words as
 * props resolved here on the server, never a translator: use-intl stays out of browsers (docs/i18n.md).
 */
export default async function ShopperPagesLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('ui.unavailable');
  return <PageUnavailableWordsProvider words={{ title: t('title'), text: t('text'), retry: t('retry') }}>{children}</PageUnavailableWordsProvider>;
}
