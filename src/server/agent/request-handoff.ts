import { toEventDoor } from '@/domain/analytics/analytics-event';
import type { Shop } from '@/domain/shops/shop';
import type { Services } from '../services';

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
};

/**
 * Records a hand-off and mails it, with the transcript (shopper emails masked), the verified order or the reply
 * address the shopper gave, to the shop's configured support address. A mail failure is logged and returned as
 * `emailed: false`, so the chat does not promise a reply nobody was told about.
 */
export async function requestHandoff(services: Services, shop: Shop, input: HandoffInput) {
  const { conversationId, reason, supportEmail, door, currentShopperText, contactEmail, order } = input;
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
    return { reference, emailed: true };
  } catch (error) {
    services.logger.error('hand-off mail failed', { shop: shop.domain, reference, error: error instanceof Error ? error.message : String(error) });
    return { reference, emailed: false };
  }
}
