import { isSupportedLocale } from './locales';

const names = new Intl.DisplayNames(['en'], { type: 'language' });

/** A conversation's language for the (English) dashboard: `German`, `Brazilian Portuguese`; unknown codes as given. */
export function languageName(locale: string | null | undefined): string {
  const code = locale && isSupportedLocale(locale) ? locale : (locale ?? 'en');
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
