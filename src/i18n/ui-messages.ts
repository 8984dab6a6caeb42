import type { Locale } from '@/domain/i18n/locales';
import type en from '../../messages/en.json';

export type UiMessages = { ui: (typeof en)['ui'] };

/** The `ui` namespace of one language (what pages and the widget's client components need, nothing more). */
export async function loadUiMessages(locale: Locale): Promise<UiMessages> {
  const file = (await import(`../../messages/${locale}.json`)) as { default: UiMessages };
  return { ui: file.default.ui };
}
