import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { DEFAULT_LOCALE, type Locale } from '@/domain/i18n/locales';
import { negotiateLocale, offeredLocales } from '@/domain/i18n/negotiate-locale';
import { loadTrackingShop } from './next-shopper-request';
import { LOCALE_COOKIE, SHOPPER_LOCALE_HEADERS } from './shopper-locale-request';

/**
 * The language of this shopper request (tracking pages, the widget): negotiated once per request from the
 * choice cookie, the storefront locale, Accept-Language and the shop's published locales. Requests the proxy
 * did not mark as a shopper's (the dashboard, API routes) are English.
 */
export const readShopperLocale = cache(async (): Promise<Locale> => {
  const incoming = await headers();
  const segment = incoming.get(SHOPPER_LOCALE_HEADERS.shop);
  if (!segment) return DEFAULT_LOCALE;
  const jar = await cookies();
  const shop = await loadTrackingShop(segment).catch(() => null);
  return negotiateLocale(
    {
      chosen: incoming.get(SHOPPER_LOCALE_HEADERS.chosen) ?? jar.get(LOCALE_COOKIE)?.value ?? null,
      storefront: incoming.get(SHOPPER_LOCALE_HEADERS.storefront),
      acceptLanguage: incoming.get('accept-language'),
    },
    shop?.settings.locales,
  );
});

/** The locales a shopper may switch between on this request's shop (all supported ones when the shop is unknown). */
export const readOfferedLocales = cache(async () => {
  const segment = (await headers()).get(SHOPPER_LOCALE_HEADERS.shop);
  const shop = segment ? await loadTrackingShop(segment).catch(() => null) : null;
  return offeredLocales(shop?.settings.locales);
});

/** The shopper's own language pick on this request (`?lang=` or its cookie) when it is the language served, else null. */
export const readChosenLocale = cache(async (): Promise<Locale | null> => {
  const incoming = await headers();
  const chosen = incoming.get(SHOPPER_LOCALE_HEADERS.chosen) ?? (await cookies()).get(LOCALE_COOKIE)?.value ?? null;
  const served = await readShopperLocale();
  return chosen === served ? served : null;
});
