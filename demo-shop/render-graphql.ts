/**
 * Renders model objects as GraphQL source objects: gids, UTC `Z` timestamps, MoneyV2 with Decimal strings,
 * UPPERCASE enums. Fields with arguments are functions `(args) => value`, called by the custom field resolver.
 */
import type { Address, Customer, Fulfillment, FulfillmentEvent, LineItem, Order, Refund } from './model';
import { fulfilledQuantity, refundedQuantity, totalRefunded, unfulfilledQuantity } from './model';
import { paginate, type Connection, type PageArgs } from './connection';
import { statusPageKey } from './seed/build-order';
import type { ShopConfig } from './shops';

type Source = Record<string, unknown>;

export const gid = (type: string, id: number): string => `gid://shopify/${type}/${id}`;

/** Shopify's Decimal scalar: `145.0`, `89.9`, `250.56`. */
export function decimal(amount: string): string {
  const n = Number(amount);
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

export function moneyBag(amount: string, currencyCode: string): Source {
  const money = { amount: decimal(amount), currencyCode };
  return { shopMoney: money, presentmentMoney: money };
}

export function statusPageUrl(order: Order, shop: ShopConfig): string {
  return `https://${shop.domain}/${shop.shopId}/orders/${order.token}/authenticate?key=${statusPageKey(order)}`;
}

function address(a: Address | null): Source | null {
  if (!a) return null;
  return {
    __typename: 'MailingAddress',
    firstName: a.firstName,
    lastName: a.lastName,
    name: `${a.firstName} ${a.lastName}`.trim(),
    company: null,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    province: a.province,
    provinceCode: a.provinceCode,
    country: a.country,
    countryCodeV2: a.countryCode,
    zip: a.zip,
    phone: a.phone,
    latitude: a.latitude,
    longitude: a.longitude,
    formattedArea: [a.city, a.provinceCode ?? a.province, a.country].filter(Boolean).join(', '),
  };
}

export type OrdersResolver = (args: PageArgs & { query?: string | null; sortKey?: string | null }, ctx: unknown, info: never) => unknown;

export function renderCustomer(c: Customer | null, ordersOf?: OrdersResolver): Source | null {
  if (!c) return null;
  return {
    __typename: 'Customer',
    id: gid('Customer', c.id),
    legacyResourceId: String(c.id),
    firstName: c.firstName,
    lastName: c.lastName,
    displayName: `${c.firstName} ${c.lastName}`.trim(),
    email: c.email,
    phone: c.phone,
    createdAt: c.createdAt,
    updatedAt: c.createdAt,
    orders: ordersOf ?? null,
  };
}

function lineItem(order: Order, l: LineItem): Source {
  const refunded = refundedQuantity(order, l.id);
  return {
    __typename: 'LineItem',
    id: gid('LineItem', l.id),
    title: l.title,
    name: l.variantTitle ? `${l.title} - ${l.variantTitle}` : l.title,
    variantTitle: l.variantTitle,
    quantity: l.quantity,
    currentQuantity: l.quantity - refunded,
    unfulfilledQuantity: unfulfilledQuantity(order, l),
    refundableQuantity: Math.max(0, l.quantity - refunded),
    nonFulfillableQuantity: refunded,
    sku: l.sku,
    vendor: l.vendor,
    requiresShipping: l.requiresShipping,
    isGiftCard: l.title === 'Gift Card',
    image: l.imageUrl ? { __typename: 'Image', id: gid('ProductImage', l.productId), url: l.imageUrl, altText: l.title } : null,
    originalUnitPriceSet: moneyBag(l.price, order.currency),
    fulfillmentStatus: fulfilledQuantity(order, l.id) >= l.quantity ? 'fulfilled' : 'unfulfilled',
  };
}

function fulfillmentDisplayStatus(f: Fulfillment): string {
  if (f.status === 'cancelled') return 'CANCELED';
  if (f.shipmentStatus) return f.shipmentStatus.toUpperCase();
  return f.status === 'failure' ? 'FAILURE' : 'FULFILLED';
}

function fulfillmentEvent(e: FulfillmentEvent): Source {
  return {
    __typename: 'FulfillmentEvent',
    id: gid('FulfillmentEvent', e.id),
    status: e.status.toUpperCase(),
    happenedAt: e.happenedAt,
    createdAt: e.createdAt,
    message: e.message,
    address1: null,
    city: e.city,
    province: e.province,
    country: e.country,
    zip: e.zip,
    latitude: null,
    longitude: null,
    estimatedDeliveryAt: e.estimatedDeliveryAt,
  };
}

function fulfillment(order: Order, f: Fulfillment, orderSource: () => Source): Source {
  const items = new Map(order.lineItems.map((l) => [l.id, l]));
  return {
    __typename: 'Fulfillment',
    id: gid('Fulfillment', f.id),
    legacyResourceId: String(f.id),
    name: f.name,
    status: f.status.toUpperCase(),
    displayStatus: fulfillmentDisplayStatus(f),
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    inTransitAt: f.inTransitAt,
    deliveredAt: f.deliveredAt,
    estimatedDeliveryAt: f.estimatedDeliveryAt,
    requiresShipping: true,
    totalQuantity: f.lines.reduce((s, l) => s + l.quantity, 0),
    order: orderSource,
    location: null,
    service: null,
    originAddress: null,
    trackingInfo: (args: { first?: number | null }) => {
      const info =
        f.trackingCompany || f.trackingNumber || f.trackingUrl
          ? [{ __typename: 'FulfillmentTrackingInfo', company: f.trackingCompany, number: f.trackingNumber, url: f.trackingUrl }]
          : [];
      return args.first != null ? info.slice(0, args.first) : info;
    },
    events: (args: PageArgs & { sortKey?: string | null }) => {
      const byId = args.sortKey === 'ID';
      const sorted = [...f.events].sort((a, b) => (byId ? a.id - b.id : a.happenedAt.localeCompare(b.happenedAt) || a.id - b.id));
      return mapConnection(
        paginate(sorted, args, (e) => ({ id: e.id, value: byId ? e.id : e.happenedAt })),
        fulfillmentEvent,
      );
    },
    fulfillmentLineItems: (args: PageArgs) =>
      mapConnection(
        paginate(f.lines, args, (l) => ({ id: l.id, value: l.id })),
        (l) => {
          const li = items.get(l.lineItemId);
          return { __typename: 'FulfillmentLineItem', id: gid('FulfillmentLineItem', l.id), quantity: l.quantity, lineItem: li ? lineItem(order, li) : null };
        },
      ),
  };
}

/** Maps a connection's nodes and edges.node with the same function. */
export function mapConnection<T, U>(c: Connection<T>, fn: (item: T) => U): Source {
  const mapped = new Map<T, U>();
  const get = (t: T): U => {
    let u = mapped.get(t);
    if (u === undefined) {
      u = fn(t);
      mapped.set(t, u);
    }
    return u;
  };
  return { nodes: c.nodes.map(get), edges: c.edges.map((e) => ({ cursor: e.cursor, node: get(e.node) })), pageInfo: c.pageInfo };
}

function refund(order: Order, r: Refund): Source {
  const items = new Map(order.lineItems.map((l) => [l.id, l]));
  return {
    __typename: 'Refund',
    id: gid('Refund', r.id),
    legacyResourceId: String(r.id),
    createdAt: r.createdAt,
    updatedAt: r.createdAt,
    note: r.note,
    totalRefundedSet: moneyBag(r.amount, order.currency),
    refundLineItems: (args: PageArgs) =>
      mapConnection(
        paginate(r.lines, args, (l) => ({ id: l.lineItemId, value: l.lineItemId })),
        (l) => {
          const li = items.get(l.lineItemId);
          return { quantity: l.quantity, lineItem: li ? lineItem(order, li) : null, restocked: true };
        },
      ),
  };
}

function fulfillmentOrderStatus(order: Order): string {
  if (order.cancelledAt) return 'CLOSED';
  switch (order.displayFulfillmentStatus) {
    case 'ON_HOLD':
      return 'ON_HOLD';
    case 'SCHEDULED':
      return 'SCHEDULED';
    case 'IN_PROGRESS':
      return 'IN_PROGRESS';
    case 'PARTIALLY_FULFILLED':
      return 'IN_PROGRESS';
    case 'FULFILLED':
      return 'CLOSED';
    default:
      return 'OPEN';
  }
}

function fulfillmentOrder(o: Order, shop: ShopConfig): Source {
  const method = o.deliveryMethod ?? {
    type: o.lineItems.some((l) => l.requiresShipping) ? 'SHIPPING' : 'NONE',
    minDeliveryAt: null,
    maxDeliveryAt: null,
    location: null,
  };
  const status = fulfillmentOrderStatus(o);
  return {
    __typename: 'FulfillmentOrder',
    id: gid('FulfillmentOrder', o.id + 1),
    status,
    requestStatus: 'UNSUBMITTED',
    fulfillAt: status === 'SCHEDULED' ? (o.fulfillAt ?? null) : null,
    fulfillmentHolds:
      status === 'ON_HOLD' && o.holdReason
        ? [
            {
              __typename: 'FulfillmentHold',
              id: gid('FulfillmentHold', o.id + 2),
              reason: o.holdReason,
              reasonNotes: 'internal note: not for shoppers',
              displayReason: o.holdReason.toLowerCase().replace(/_/g, ' '),
              heldByRequestingApp: false,
            },
          ]
        : [],
    deliveryMethod: {
      __typename: 'DeliveryMethod',
      id: gid('DeliveryMethod', o.id + 3),
      methodType: method.type,
      minDeliveryDateTime: method.minDeliveryAt,
      maxDeliveryDateTime: method.maxDeliveryAt,
      presentedName: null,
    },
    assignedLocation: {
      __typename: 'FulfillmentOrderAssignedLocation',
      name: method.location?.name ?? `${shop.name} warehouse`,
      address1: method.location?.address1 ?? null,
      city: method.location?.city ?? null,
      countryCode: shop.country,
      province: null,
      zip: null,
      phone: null,
      location: null,
    },
  };
}

export function renderOrder(order: Order, shop: ShopConfig, customerOrders?: (c: Customer) => OrdersResolver): Source {
  const self: Source = {
    __typename: 'Order',
    id: gid('Order', order.id),
    legacyResourceId: String(order.id),
    name: order.name,
    email: order.email,
    phone: order.phone,
    createdAt: order.createdAt,
    processedAt: order.processedAt,
    updatedAt: order.updatedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason?.toUpperCase() ?? null,
    closedAt: order.closedAt,
    closed: order.closedAt !== null,
    confirmed: true,
    test: order.test,
    tags: order.tags,
    note: order.note,
    confirmationNumber: order.confirmationNumber,
    currencyCode: order.currency,
    presentmentCurrencyCode: order.currency,
    displayFinancialStatus: order.financialStatus.toUpperCase(),
    displayFulfillmentStatus: order.displayFulfillmentStatus,
    fullyPaid: order.financialStatus === 'paid',
    requiresShipping: order.lineItems.some((l) => l.requiresShipping),
    sourceName: order.sourceName,
    statusPageUrl: statusPageUrl(order, shop),
    totalPriceSet: moneyBag(order.totalPrice, order.currency),
    currentTotalPriceSet: moneyBag((Number(order.totalPrice) - Number(totalRefunded(order))).toFixed(2), order.currency),
    subtotalPriceSet: moneyBag(order.subtotalPrice, order.currency),
    totalTaxSet: moneyBag(order.totalTax, order.currency),
    totalShippingPriceSet: moneyBag(order.shippingPrice, order.currency),
    totalRefundedSet: moneyBag(totalRefunded(order), order.currency),
    customer: renderCustomer(order.customer, order.customer && customerOrders ? customerOrders(order.customer) : undefined),
    shippingAddress: address(order.shippingAddress),
    billingAddress: address(order.billingAddress),
    lineItems: (args: PageArgs) =>
      mapConnection(
        paginate(order.lineItems, args, (l) => ({ id: l.id, value: l.id })),
        (l) => lineItem(order, l),
      ),
    refunds: (args: { first?: number | null }) => order.refunds.slice(0, args.first ?? undefined).map((r) => refund(order, r)),
    fulfillmentOrders: (args: PageArgs) =>
      mapConnection(
        paginate([order], args, (o) => ({ id: o.id, value: o.id })),
        (o) => fulfillmentOrder(o, shop),
      ),
  };
  self.fulfillments = (args: { first?: number | null }) => order.fulfillments.slice(0, args.first ?? undefined).map((f) => fulfillment(order, f, () => self));
  return self;
}
