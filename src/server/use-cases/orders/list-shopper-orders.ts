import type { OrderSummary } from '@/domain/orders/list-orders-by-email';
import type { Shop } from '@/domain/shops/shop';
import { orderLookupDeps } from '../../wiring/order-deps';
import type { Services } from '../../services';
import { listHolderOrders, type ReadSignedIn } from './list-holder-orders';

export type ShopperOrderRow = Pick<OrderSummary, 'orderId' | 'orderName' | 'status' | 'headline' | 'placedAt'> & { stale: boolean };

/** The orders this browser may see in a shop (see listHolderOrders), as rows for a list, newest first. */
export async function listShopperOrders(
  services: Services,
  input: { shop: Shop; holderHash: string | null; readSignedIn: ReadSignedIn; now?: Date },
): Promise<ShopperOrderRow[]> {
  if (!input.holderHash) return [];
  const grants = await services.grants.listGrants(input.holderHash, input.shop.id, input.now ?? new Date());
  const { orders, emailHistory } = await listHolderOrders(services, {
    shop: input.shop,
    grants,
    lookup: orderLookupDeps(services, input.shop),
    readSignedIn: input.readSignedIn,
  });
  const rows: ShopperOrderRow[] = orders.map(({ record, stale }) => ({
    orderId: record.orderId,
    orderName: record.orderName,
    status: record.view.status,
    headline: record.view.headline,
    placedAt: record.view.placedAt,
    stale,
  }));
  for (const order of emailHistory) {
    rows.push({ orderId: order.orderId, orderName: order.orderName, status: order.status, headline: order.headline, placedAt: order.placedAt, stale: false });
  }
  return rows.sort((a, b) => b.placedAt.at.localeCompare(a.placedAt.at));
}
