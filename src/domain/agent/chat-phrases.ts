import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator, yesNo } from '../i18n/messages';

/** The reply time the wiring gives (`AgentDeps.shop.handoffEta`); it is worded per language (chat.handoff.eta). */
export const DEFAULT_HANDOFF_ETA = 'within 1 business day';

/**
 * Shopper-facing sentences of the hand-off, the chat's magic link, short follow-ups and the proactive greeting, in
 * the conversation's language (messages/<locale>.json, `chat.phrases`): one function per sentence.
 */
export function chatPhrases(locale: Locale = DEFAULT_LOCALE) {
  const t = translator(locale, 'chat');
  const eta = (given: string) => (given === DEFAULT_HANDOFF_ETA ? t('handoff.eta') : given);
  return {
    handoffAskEmail: (shopName: string) => t('phrases.handoffAskEmail', { shop: shopName }),
    handoffAskEmailAgain: () => t('phrases.handoffAskEmailAgain'),
    handoffAskQuestion: (maskedEmail: string) => t('phrases.handoffAskQuestion', { email: maskedEmail }),
    handoffSentToEmail: (shopName: string, reference: string, maskedEmail: string, within: string) =>
      t('phrases.handoffSentToEmail', { shop: shopName, reference, email: maskedEmail, eta: eta(within) }),
    handoffSentWithOrder: (shopName: string, reference: string, orderName: string, within: string) =>
      t('phrases.handoffSentWithOrder', { shop: shopName, reference, order: orderName, eta: eta(within) }),
    handoffAlreadySent: (shopName: string, reference: string, within: string) =>
      t('phrases.handoffAlreadySent', { shop: shopName, reference, eta: eta(within) }),
    handoffCard: (shopName: string, within: string) => t('phrases.handoffCard', { shop: shopName, eta: eta(within) }),
    handoffUnavailable: (shopName: string) => t('phrases.handoffUnavailable', { shop: shopName }),
    handoffNotSent: (shopName: string) => t('phrases.handoffNotSent', { shop: shopName }),
    policyOfferPerson: () => t('phrases.policyOfferPerson'),
    policyContactShop: (shopName: string) => t('phrases.policyContactShop', { shop: shopName }),
    magicLinkAskEmail: () => t('phrases.magicLinkAskEmail'),
    /** The uniform answer to a magic-link request (the same whether or not the email has orders). */
    magicLinkAnswer: (status: 'accepted' | 'invalid_email' | 'limited', shopName: string) =>
      status === 'accepted'
        ? t('phrases.magicLinkAccepted', { shop: shopName })
        : t(status === 'invalid_email' ? 'phrases.magicLinkInvalidEmail' : 'phrases.magicLinkLimited'),
    orderShown: (orderName: string) => t('phrases.orderShown', { order: orderName }),
    nothingNew: (orderName: string) => t('phrases.nothingNew', { order: orderName }),
    proactiveDelivered: (orderName: string, when: string | null) =>
      t('phrases.proactiveDelivered', { order: orderName, hasWhen: yesNo(when), when: when ?? '' }),
    proactiveOutForDelivery: (orderName: string) => t('phrases.proactiveOutForDelivery', { order: orderName }),
    proactiveAttemptFailed: (orderName: string) => t('phrases.proactiveAttemptFailed', { order: orderName }),
    proactiveNoScan: (orderName: string, days: number) => t('phrases.proactiveNoScan', { order: orderName, days }),
    proactiveReadyForPickup: (orderName: string) => t('phrases.proactiveReadyForPickup', { order: orderName }),
    proactiveDeliveryProblem: (orderName: string) => t('phrases.proactiveDeliveryProblem', { order: orderName }),
  };
}

/** English, for code that has no conversation (and for tests written against the English wording). */
export const CHAT_PHRASES = chatPhrases(DEFAULT_LOCALE);
