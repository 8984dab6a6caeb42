import { dropCachedOrders } from './handle-order-webhook';
import type { CustomersDataRequestPayload, CustomersRedactPayload } from './webhook-payloads';
import type { CustomerDataExport, RedactionCounts, ShopperSubject, WebhookDeps, WebhookShop } from './webhook-deps';

function shopperSubject(deps: WebhookDeps, customer: CustomersRedactPayload['customer'], orderIds: string[]): ShopperSubject {
  return {
    customerId: customer.id ?? null,
    emailHash: customer.email ? deps.hashEmail(customer.email) : null,
    orderIds: [...new Set(orderIds)],
  };
}

/**
 * customers/redact: erases what we hold about one shopper of one shop: snapshots (by order id, email hash or
 * customer id), their cached orders, grants on any of those subjects, conversations (once they exist), and
 * strips the email hash, client hash and order id from their audit rows. Other shoppers' rows are untouched.
 */
export async function handleCustomersRedact(deps: WebhookDeps, shop: WebhookShop, payload: CustomersRedactPayload) {
  const subject = shopperSubject(deps, payload.customer, payload.orders_to_redact);
  const { counts, orders } = await deps.privacy.redactShopper(shop.id, subject);
  const signInAccounts = payload.customer.email && deps.eraseSignInAccount ? await deps.eraseSignInAccount(payload.customer.email) : 0;
  // Cached order views hold the same shopper data as the snapshots.
  const orderIds = [...new Set([...subject.orderIds, ...orders.map((o) => o.orderId.replace(/^gid:\/\/shopify\/Order\//, ''))])];
  await dropCachedOrders(
    deps,
    shop.id,
    orderIds,
    orders.map((o) => o.orderName),
  );
  const erased: RedactionCounts & { signInAccounts: number } = { ...counts, signInAccounts };
  return { erased };
}

/** shop/redact (48 h after uninstall): deletes the shop row; snapshots, grants and audit rows cascade with it. */
export async function handleShopRedact(deps: WebhookDeps, shop: WebhookShop) {
  const deleted = await deps.shops.deleteShop(shop.id);
  return { deleted };
}

/**
 * customers/data_request: assembles what we hold about that shopper (shopper-safe order views, audit activity
 * as counts and dates, grants without holder ids) and hands it to the merchant through `deliverDataExport`.
 */
export async function handleCustomersDataRequest(deps: WebhookDeps, shop: WebhookShop, payload: CustomersDataRequestPayload) {
  const subject = shopperSubject(deps, payload.customer, payload.orders_requested);
  const held = await deps.privacy.collectShopperData(shop.id, subject);
  const data: CustomerDataExport = {
    shopDomain: shop.domain,
    dataRequestId: payload.data_request?.id ?? null,
    customerId: subject.customerId,
    generatedAt: deps.now().toISOString(),
    ...held,
  };
  await deps.deliverDataExport(data);
  return { export: data };
}
