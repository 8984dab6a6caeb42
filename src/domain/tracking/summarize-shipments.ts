import type { ShipmentView } from './shopper-order-view';

const items = (n: number): string => `${n} item${n === 1 ? '' : 's'}`;

/**
 * One line for the whole order: `1 of 2 packages delivered`, `2 packages, none delivered yet`,
 * `1 package, out for delivery`, each followed by `, 1 item not shipped yet` when the store still has items
 * to send. Null before anything shipped.
 */
export function summarizeShipments(shipments: readonly ShipmentView[], unshippedItemCount: number): string | null {
  if (shipments.length === 0) return null;
  const delivered = shipments.filter((s) => s.status === 'delivered').length;
  const only = shipments[0];
  const head =
    shipments.length === 1 && only
      ? `1 package, ${only.statusLabel.toLowerCase()}`
      : delivered === 0
        ? `${shipments.length} packages, none delivered yet`
        : delivered === shipments.length
          ? `All ${shipments.length} packages delivered`
          : `${delivered} of ${shipments.length} packages delivered`;
  return unshippedItemCount > 0 ? `${head}, ${items(unshippedItemCount)} not shipped yet` : head;
}
