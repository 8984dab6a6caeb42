import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { readShopperLocale } from '@/server/http/next-shopper-locale';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Order Status Agent', template: '%s · Order Status Agent' },
  description: 'Answers "Where is my order?" for Shopify shops: safely, in under a second.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/** `lang` is the shopper's negotiated language on shopper pages and the widget, English elsewhere (the dashboard). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={await readShopperLocale()}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
