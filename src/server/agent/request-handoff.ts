import { toEventDoor } from '@/domain/analytics/analytics-event';
import type { Shop } from '@/domain/shops/shop';
import type { Services } from '../services';

export const handoffReference = (handoffId: string) => `H-${handoffId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;

/**
 * Records a hand-off with the transcript (shopper emails already masked) and mails it to the shop's support
 * address. A mail failure is logged, not shown: the hand-off is recorded and visible to the merchant anyway.
 */
export async function requestHandoff(
  services: Services,
  shop: Shop,
  conversationId: string,
  reason: string,
  supportEmail: string | null,
  door = 'widget',
  /** The message being answered: it is stored with the reply, after this runs, so the transcript adds it. */
  currentShopperText?: string,
) {
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
    `Reason: ${reason}`,
    `Conversation: ${conversationId}`,
    '',
    'Orders the shopper verified are named in the transcript; their contact email is on the order in Shopify.',
    'Emails the shopper typed are masked here.',
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
