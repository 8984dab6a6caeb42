import { isSupportedLocale, type Locale } from '@/domain/i18n/locales';

/** The cookie that keeps a shopper's language choice for the browser session (no Max-Age: it ends with the session). */
export const LOCALE_COOKIE = 'osa_locale';

/**
 * Request headers src/proxy.ts sets on shopper routes (`/t/{shop}…`, `/widget/{shop}`) for the i18n request
 * config, which cannot see the URL: the shop segment, the storefront's `?locale=` and a `?lang=` choice made on
 * this very request. The proxy removes any client-sent copies first.
 */
export const SHOPPER_LOCALE_HEADERS = { shop: 'x-osa-shop', storefront: 'x-osa-storefront-locale', chosen: 'x-osa-chosen-locale' } as const;

const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])$/;

/**
 * The choice cookie, readable inside the storefront's chat iframe: there browsers drop SameSite=Lax cookies, so
 * on https and localhost it is `SameSite=None; Secure; Partitioned` like the session cookie (shopper-session.ts).
 */
export function localeChoiceCookie(appUrl: string, locale: Locale) {
  const url = new URL(appUrl);
  const crossSite = url.protocol === 'https:' || LOOPBACK_HOST.test(url.hostname);
  return {
    name: LOCALE_COOKIE,
    value: locale,
    path: '/',
    httpOnly: true,
    sameSite: crossSite ? ('none' as const) : ('lax' as const),
    secure: crossSite,
    partitioned: crossSite,
  };
}

/** A storefront locale as the loader passes it: a language tag, nothing else (it is only a hint). */
export function readStorefrontLocaleParam(value: string | null): string | null {
  return value && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/.test(value) ? value : null;
}

/** A `?lang=` choice from a language switcher: a supported locale or nothing. */
export function readChosenLocaleParam(value: string | null): Locale | null {
  return value && isSupportedLocale(value) ? value : null;
}
