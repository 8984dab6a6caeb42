import type { Locale } from '@/domain/i18n/locales';
import { translator } from '@/domain/i18n/messages';
import type { OutgoingMail } from '../mail/mailer';

/**
 * The shopper's copy of a hand-off, in the conversation's language: which team has the question, when a person
 * replies and the reference. Plain text only, and never the question itself: whoever typed an address in the
 * chat cannot make us mail their words to it.
 */
export function composeHandoffConfirmationMail(input: { to: string; shopName: string; reference: string; locale: Locale }): OutgoingMail {
  const t = translator(input.locale, 'email');
  const eta = translator(input.locale, 'chat')('handoff.eta');
  const values = { shop: input.shopName, reference: input.reference, eta };
  const text = [t('handoff.greeting'), '', t('handoff.body', values), '', t('handoff.reference', values), '', t('handoff.footer')].join('\n');
  return { to: input.to, subject: t('handoff.subject', values), text, purpose: 'handoff_confirmation' };
}
