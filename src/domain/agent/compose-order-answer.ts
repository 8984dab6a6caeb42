import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { inSentence, translator, yesNo, type Translate } from '../i18n/messages';
import type { ShipmentView, ShopperOrderView } from '../tracking/shopper-order-view';
import type { Intent } from './detect-intent';

const ENDED = ['cancelled', 'refunded', 'digital', 'delivered'];

type Words = { t: Translate; locale: Locale };

const itemLine = ({ t }: Words, item: { title: string; variantTitle: string | null; quantity: number }) =>
  item.variantTitle
    ? t('answer.itemLineVariant', { quantity: item.quantity, title: item.title, variant: item.variantTitle })
    : t('answer.itemLine', { quantity: item.quantity, title: item.title });

const label = ({ t }: Words, view: ShopperOrderView, shipment: ShipmentView) =>
  view.shipments.length > 1
    ? shipment.carrier
      ? t('answer.shipmentWithCarrier', { label: shipment.label, carrier: shipment.carrier })
      : shipment.label
    : (shipment.carrier ?? t('answer.yourParcel'));

const place = (location: string | null | undefined) => ({ hasLocation: yesNo(location), location: location ?? '' });

/** Pickup and local delivery have no carrier: the answer is the place and time the store gave (or will give). */
function describeLocalArrival({ t }: Words, view: ShopperOrderView): string | null {
  const delivery = view.delivery;
  if (!delivery || delivery.method === 'shipping' || ENDED.includes(view.status)) return null;
  const order = view.orderName;
  if (delivery.method === 'pickup') {
    if (view.status === 'ready_for_pickup') return t('answer.pickupReady', { order, ...place(delivery.location) });
    return t('answer.pickupLater', { order, ...place(delivery.location), hasWindow: yesNo(delivery.window), window: delivery.window?.display ?? '' });
  }
  if (view.shipments.some((s) => s.status !== 'delivered')) return null;
  return delivery.window ? t('answer.localWindow', { order, window: delivery.window.display }) : t('answer.localNoWindow', { order });
}

function describeTracking(words: Words, view: ShopperOrderView): string {
  const { t, locale } = words;
  if (view.delivery?.method === 'pickup' && !['cancelled', 'refunded'].includes(view.status)) {
    return t('answer.pickupNothingToTrack', { ...place(view.delivery.location), message: view.message });
  }
  if (view.shipments.length === 0) {
    return view.status === 'cancelled' || view.status === 'refunded' || view.status === 'digital'
      ? t('answer.nothingToTrack', { order: view.orderName, message: view.message })
      : t('answer.notShippedNoTracking', { order: view.orderName });
  }
  const lines = view.shipments.map((shipment) =>
    t('answer.trackingLine', {
      label: label(words, view, shipment),
      status: inSentence(shipment.statusLabel, locale),
      hasNumber: yesNo(shipment.trackingNumber),
      number: shipment.trackingNumber ?? '',
      where: shipment.trackingUrl ? t('answer.trackingLinkBelow') : inSentence(shipment.trackingNote ?? t('answer.noTrackingLink'), locale),
    }),
  );
  return t('answer.trackingIntro', { order: view.orderName, lines: lines.join('\n') });
}

function describeArrival(words: Words, view: ShopperOrderView): string {
  const { t } = words;
  const local = describeLocalArrival(words, view);
  if (local) return local;
  if (ENDED.includes(view.status)) return view.message;
  const lines = view.shipments
    .filter((shipment) => shipment.status !== 'delivered')
    .map((shipment) => {
      const name = label(words, view, shipment);
      if (shipment.status === 'out_for_delivery') return t('answer.outForDelivery', { label: name });
      if (shipment.estimatedDelivery) return t('answer.estimated', { label: name, date: shipment.estimatedDelivery.display });
      const latest = shipment.latestEvent ? t('answer.latestUpdate', { age: shipment.latestEvent.age, event: shipment.latestEvent.label }) : '';
      return `${t('answer.noEstimate', { label: name })}${latest}`;
    });
  if (lines.length === 0) return t('answer.notShippedNoDate', { order: view.orderName, message: view.message });
  const unshipped = view.unshippedItemCount > 0 ? t('answer.unshipped', { count: view.unshippedItemCount }) : '';
  return `${lines.join('\n')}${unshipped}`;
}

function describeContents(words: Words, view: ShopperOrderView): string {
  const { t } = words;
  if (view.items.length === 0) return t('answer.noItems', { order: view.orderName });
  return t('answer.contents', { order: view.orderName, placed: view.placedAt.display, items: view.items.map((item) => itemLine(words, item)).join('\n') });
}

/**
 * The agent's words about one order for one question, in the conversation's language, composed only from the
 * shopper-safe view (in that language too): the same view renders the card, so text and card never disagree.
 */
export function composeOrderAnswer(view: ShopperOrderView, intent: Intent, locale: Locale = DEFAULT_LOCALE): string {
  const words: Words = { t: translator(locale, 'chat'), locale };
  if (intent === 'tracking') return describeTracking(words, view);
  if (intent === 'eta') return describeArrival(words, view);
  if (intent === 'contents') return describeContents(words, view);
  return words.t('answer.headline', { headline: view.headline, message: view.message });
}
