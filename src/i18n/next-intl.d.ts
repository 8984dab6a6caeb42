import type { Locale } from '@/domain/i18n/locales';
import type { UiMessages } from './ui-messages';

// Typed keys and ICU arguments for next-intl: a missing `ui` key or a wrong placeholder fails `tsc`.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: UiMessages;
  }
}
