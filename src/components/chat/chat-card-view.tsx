import { useTranslations } from 'next-intl';
import type { ChatCard } from '@/domain/agent/chat-message';
import { OrderStatusCard } from '@/components/order/order-status-card';

type Props = {
  card: ChatCard;
  /** Choices and quick replies are buttons only on the latest agent message; older ones are history. */
  interactive: boolean;
  onChoose: (text: string) => void;
};

const choiceClass = 'min-h-11 rounded-lg border-2 border-[var(--brand)] bg-white px-3 py-2 text-left text-sm font-semibold text-slate-900 hover:bg-slate-50';

/** One structured card of an agent message, rendered from data only (never from model text). */
export function ChatCardView({ card, interactive, onChoose }: Props) {
  const t = useTranslations('ui.chat');
  switch (card.type) {
    case 'order':
      return (
        <OrderStatusCard
          order={card.order}
          freshness={card.freshness}
          headingLevel={3}
          contact={interactive ? { kind: 'chat_button', onAsk: () => onChoose(t('humanRequest')) } : undefined}
        />
      );
    case 'order_choices':
      if (!interactive) return null;
      return (
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-semibold text-slate-900">{t('whichOrder')}</legend>
          {card.orders.map((order) => (
            <button key={order.orderId} type="button" className={`${choiceClass} block w-full`} onClick={() => onChoose(order.orderName)}>
              <span className="block">{order.orderName}</span>
              <span className="block text-xs font-normal text-slate-700">{order.headline}</span>
            </button>
          ))}
        </fieldset>
      );
    case 'quick_replies':
      if (!interactive || card.options.length === 0) return null;
      return (
        <div role="group" aria-label={t('suggested')} className="flex flex-wrap gap-2">
          {card.options.map((option) => (
            <button key={option} type="button" className={`${choiceClass} rounded-full`} onClick={() => onChoose(option)}>
              {option}
            </button>
          ))}
        </div>
      );
    case 'handoff':
      return (
        <section aria-label={t('handoffTitle')} className="rounded-xl border border-green-700/40 bg-green-50 p-3 text-sm text-green-950">
          <p className="font-semibold">{t('handoffTitle')}</p>
          <p className="mt-1">{card.message}</p>
          <p className="mt-1 text-green-900">
            {t.rich('reference', { reference: card.reference, ref: (chunks) => <span className="font-mono">{chunks}</span> })}
          </p>
        </section>
      );
  }
}
