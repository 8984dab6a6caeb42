import type { CSSProperties, ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/i18n/language-switcher';
import { buildBrandTheme } from '@/domain/widget/brand-theme';
import { readOfferedLocales, readShopperLocale } from '@/server/http/next-shopper-locale';
import { loadTrackingShop } from '@/server/http/next-shopper-request';

type Props = { children: ReactNode; params: Promise<{ shop: string }> };

/** The shop's branded frame around every tracking page: name, logo, brand colour with readable text on it, the language switcher. */
export default async function TrackingLayout({ children, params }: Props) {
  const shop = await loadTrackingShop((await params).shop);
  if (!shop) notFound();
  const [t, tLanguage, locale, locales] = await Promise.all([
    getTranslations('ui.frame'),
    getTranslations('ui.language'),
    readShopperLocale(),
    readOfferedLocales(),
  ]);
  const theme = buildBrandTheme(shop.name, shop.settings);
  const style = { '--brand': theme.color, '--on-brand': theme.onColor } as CSSProperties;
  const supportEmail = shop.settings.supportEmail;
  return (
    <div style={style} className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t('skip')}
      </a>
      <header className="bg-[var(--brand)] text-[var(--on-brand)]">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-3 px-4 py-4 sm:px-6">
          {theme.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- merchant-hosted logo, any size; next/image would need its host configured
            <img src={theme.logoUrl} alt="" className="h-10 w-10 rounded bg-white object-contain p-0.5" />
          ) : (
            <span aria-hidden="true" className="grid h-10 w-10 place-items-center rounded-full border-2 border-current text-lg font-bold">
              {theme.name.slice(0, 1).toUpperCase()}
            </span>
          )}
          {/* At least 10rem for the shop's name: on a phone the language switcher wraps below rather than squeezing it. */}
          <div className="min-w-40 flex-1">
            <p className="text-lg font-bold leading-tight">{theme.name}</p>
            <p className="text-sm">{t('orderStatus')}</p>
          </div>
          <LanguageSwitcher locales={locales} current={locale} labels={{ label: tLanguage('label'), apply: tLanguage('apply') }} />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
      <footer className="mx-auto w-full max-w-3xl px-4 pb-8 text-sm text-slate-600 sm:px-6">
        {supportEmail
          ? t.rich('questionsOrWrite', {
              address: supportEmail,
              email: (chunks) => (
                <a className="text-slate-900 underline underline-offset-2" href={`mailto:${supportEmail}`}>
                  {chunks}
                </a>
              ),
            })
          : t('questions')}
      </footer>
    </div>
  );
}
