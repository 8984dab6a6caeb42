import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getMessages, getTranslations } from 'next-intl/server';
import type { CardIntl, ChatWords } from '@/components/chat/chat-words';
import { slot } from '@/components/i18n/slots';
import { normalizeShopDomain } from '@/domain/shops/shop-domain';
import { buildBrandTheme } from '@/domain/widget/brand-theme';
import { listFrameAncestors } from '@/domain/widget/frame-ancestors';
import { readChosenLocale, readOfferedLocales, readShopperLocale } from '@/server/http/next-shopper-locale';
import { getServices } from '@/server/services';
import { WidgetClient } from './widget-client';

type Props = { params: Promise<{ shop: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function findShop(raw: string) {
  const domain = normalizeShopDomain(decodeURIComponent(raw));
  if (!domain) return null;
  const shop = await (await getServices()).shops.findShopByDomain(domain);
  return shop && !shop.uninstalledAt ? shop : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [shop, t] = await Promise.all([findShop((await params).shop), getTranslations('ui.meta')]);
  return { title: shop ? t('widget', { shop: buildBrandTheme(shop.name, shop.settings).name }) : t('widgetFallback'), robots: { index: false } };
}

/**
 * The chat iframe. Its CSP (frame-ancestors = the shop's own domains) is set per request in src/proxy.ts.
 * A request forwarded by the shop's App Proxy carries a signed query: it is handed to chat.start, which
 * verifies it; nothing here trusts it.
 */
export default async function WidgetPage({ params, searchParams }: Props) {
  await connection();
  const shop = await findShop((await params).shop);
  if (!shop) notFound();
  const query = await searchParams;
  const proxyQuery: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (typeof value === 'string') proxyQuery[key] = value;
  const viaProxy = typeof proxyQuery.signature === 'string';
  const [locale, chosenLocale, locales, t, tLanguage, messages] = await Promise.all([
    readShopperLocale(),
    readChosenLocale(),
    readOfferedLocales(),
    getTranslations('ui.chat'),
    getTranslations('ui.language'),
    getMessages(),
  ]);
  const theme = buildBrandTheme(shop.name, shop.settings);
  const words: ChatWords = {
    subtitle: t('subtitle'),
    close: t('close'),
    log: t('log'),
    connecting: t('connecting'),
    message: t('message'),
    placeholder: t('placeholder'),
    send: t('send'),
    you: t('you'),
    agent: t('agent', { name: theme.name }),
    typing: t('typing', { name: theme.name }),
    errorGeneric: t('errorGeneric'),
    errorOffline: t('errorOffline'),
    announceOrder: t('announceOrder', { name: slot('name'), headline: slot('headline') }),
    language: { label: tLanguage('label'), apply: tLanguage('apply') },
  };
  const { chat, card, progress, contact } = messages.ui;
  const cardIntl: CardIntl = { locale, messages: { ui: { chat, card, progress, contact } } };
  return (
    <WidgetClient
      shop={shop.domain}
      theme={theme}
      allowedOrigins={listFrameAncestors(shop)}
      proxyQuery={viaProxy ? proxyQuery : undefined}
      locale={locale}
      chosenLocale={chosenLocale}
      locales={locales}
      words={words}
      cardIntl={cardIntl}
    />
  );
}
