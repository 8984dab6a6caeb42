import { toEventDoor } from '@/domain/analytics/analytics-event';
import type { Shop } from '@/domain/shops/shop';
import type { Locale } from '@/domain/i18n/locales';
import type { Services } from '../services';
import { hashEmailFor } from '../wiring/order-deps';
import { composeHandoffConfirmationMail } from './handoff-confirmation-mail';

export const handoffReference = (handoffId: string) => `H-${handoffId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;

export type HandoffInput = {
  conversationId: string;
  reason: string;
  supportEmail: string | null;
  door: string;
  /** The message being answered: it is stored with the reply, after this runs, so the transcript adds it. */
  currentShopperText?: string | undefined;
  /** Where a shopper without a verified order asked to be answered. Only in the mail, never stored. */
  contactEmail: string | null;
  /** The verified order the conversation is about. */
  order: { name: string; status: string } | null;
  /** The conversation's language, for the shopper's confirmation. */
  locale: Locale;
};

/** Confirmations per typed address and day: a shopper needs one; a script typing someone else's address gets few. */
export const HANDOFF_CONFIRMATIONS_PER_ADDRESS_PER_DAY = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The shopper's copy of a hand-off that reached the shop, sent to the reply address they typed. A verified order's
 * shopper gets none: the team replies to the order's email, which lives in Shopify, not here. Best effort: a
 * refused or failed confirmation never undoes the hand-off.
 */
async function confirmToShopper(services: Services, shop: Shop, input: { to: string; reference: string; locale: Locale }): Promise<boolean> {
  const addressHash = hashEmailFor(services)(input.to);
  if (!addressHash) return false;
  const sent = await services.store.increment(`handoff:confirm:${addressHash}`, DAY_MS).catch(() => Number.POSITIVE_INFINITY);
  if (sent > HANDOFF_CONFIRMATIONS_PER_ADDRESS_PER_DAY) return false;
  try {
    await services.mailer.send(composeHandoffConfirmationMail({ to: input.to, shopName: shop.name, reference: input.reference, locale: input.locale }));
    return true;
  } catch (error) {
    services.logger.warn('hand-off confirmation mail failed', {
      shop: shop.domain,
      reference: input.reference,
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}

/**
 * Records a hand-off and mails it, with the transcript (shopper emails masked), the verified order or the reply
 * address the shopper gave, to the shop's configured support address. A mail failure is logged and returned as
 * `emailed: false`, so the chat does not promise a reply nobody was told about.
 */
export async function requestHandoff(services: Services, shop: Shop, input: HandoffInput) {
  const { conversationId, reason, supportEmail, door, currentShopperText, contactEmail, order, locale } = input;
  services.analytics.record({ shopId: shop.id, type: 'handoff_requested', door: toEventDoor(door), conversationId });
  const repository = services.conversations;
  const handoff = await repository.createHandoff({ conversationId, shopId: shop.id, reason, emailedTo: supportEmail });
  const reference = handoffReference(handoff.id);
  await repository.setStatus(conversationId, 'handed_off');
  if (!supportEmail) return { reference, emailed: false };
  const stored = await repository.listMessages(conversationId);
  const current =
    currentShopperText === undefined ? [] : [{ createdAt: new Date().toISOString(), role: 'shopper' as const, text: currentShopperText, cards: [] }];
  const transcript = [...stored, ...current]
    .map(
      (message) =>
        `[${message.createdAt}] ${message.role === 'shopper' ? 'Shopper' : 'Assistant'}: ${message.text}${message.cards.some((c) => c.type === 'order') ? `  (order card: ${message.cards.flatMap((c) => (c.type === 'order' ? [c.order.orderName] : [])).join(', ')})` : ''}`,
    )
    .join('\n');
  const text = [
    `A shopper asked to talk to a person in the ${shop.name} order chat.`,
    `Reference: ${reference}`,
    `Question: ${reason}`,
    order ? `Order: ${order.name} (${order.status}), verified by the shopper in the chat` : 'Order: none verified',
    order ? `Reply to: the email address on order ${order.name} in Shopify` : `Reply to: ${contactEmail ?? 'no address given'}`,
    `Conversation: ${conversationId}`,
    '',
    'Other emails the shopper typed are masked in the transcript.',
    '',
    'Transcript:',
    transcript,
  ].join('\n');
  try {
    await services.mailer.send({ to: supportEmail, subject: `Chat hand-off ${reference}: a shopper needs help`, text, purpose: 'handoff' });
  } catch (error) {
    services.logger.error('hand-off mail failed', { shop: shop.domain, reference, error: error instanceof Error ? error.message : String(error) });
    return { reference, emailed: false };
  }
  if (contactEmail && !order) await confirmToShopper(services, shop, { to: contactEmail, reference, locale });
  return { reference, emailed: true };
}
