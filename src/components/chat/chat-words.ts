import type { AbstractIntlMessages } from 'next-intl';
import type { LanguageSwitcherLabels } from '@/components/i18n/language-switcher';
import type { Locale } from '@/domain/i18n/locales';

/**
 * The chat's own words in the conversation's language, resolved on the server (src/app/widget/[shop]/page.tsx):
 * the iframe's first load ships no translator (docs/benchmarks.md, "Budgets"). `agent` and `typing` already name
 * the shop's assistant; `announceOrder` keeps `{name}` and `{headline}` slots (src/components/i18n/slots.ts).
 */
export type ChatWords = Record<
  | 'subtitle'
  | 'close'
  | 'log'
  | 'connecting'
  | 'message'
  | 'placeholder'
  | 'send'
  | 'you'
  | 'agent'
  | 'typing'
  | 'errorGeneric'
  | 'errorOffline'
  | 'announceOrder',
  string
> & { language: LanguageSwitcherLabels };

/**
 * What the order cards need to speak the conversation's language: they arrive only after verification, so they
 * load as their own chunk with use-intl and these messages (`ui.chat`, `ui.card`, `ui.progress`, `ui.contact`).
 */
export type CardIntl = { locale: Locale; messages: AbstractIntlMessages };
