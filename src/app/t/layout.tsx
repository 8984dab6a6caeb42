import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';

/** Every shopper page speaks the negotiated language (src/i18n/request.ts); client components get the `ui` messages. */
export default function ShopperPagesLayout({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
