import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { inSentence, translator } from '../i18n/messages';
import type { ShipmentView } from './shopper-order-view';

/**
 * One line for the whole order: `1 of 2 packages delivered`, `2 packages, none delivered yet`,
 * `1 package, out for delivery`, each followed by `, 1 item not shipped yet` when the store still has items
 * to send. Null before anything shipped.
 */
export function summarizeShipments(shipments: readonly ShipmentView[], unshippedItemCount: number, locale: Locale = DEFAULT_LOCALE): string | null {
  if (shipments.length === 0) return null;
  const t = translator(locale, 'status');
  const delivered = shipments.filter((s) => s.status === 'delivered').length;
  const only = shipments[0];
  const count = shipments.length;
  const head =
    count === 1 && only
      ? t('summary.single', { status: inSentence(only.statusLabel, locale) })
      : delivered === 0
        ? t('summary.noneDelivered', { count })
        : delivered === count
          ? t('summary.allDelivered', { count })
          : t('summary.someDelivered', { delivered, count });
  return unshippedItemCount > 0 ? t('summary.withUnshipped', { head, count: unshippedItemCount }) : head;
}
