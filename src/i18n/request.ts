import { getRequestConfig } from 'next-intl/server';
import { isSupportedLocale } from '@/domain/i18n/locales';
import { readShopperLocale } from '@/server/http/next-shopper-locale';
import { loadUiMessages } from './ui-messages';

/**
 * next-intl without locale-prefixed routes: the locale is negotiated per request (src/server/http/next-shopper-locale.ts).
 * Only the `ui` namespace is loaded here; the chat engine and emails read their namespaces through use-intl's core.
 */
export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = explicit && isSupportedLocale(explicit) ? explicit : await readShopperLocale();
  return { locale, messages: await loadUiMessages(locale), timeZone: 'UTC' };
});
