/** Turns (shop, number, date, state) into a complete, internally consistent Order. */
import { createHash } from 'node:crypto';
import type { Address, Customer, LineItem, Order, ShipmentStatus } from '../model';
import { orderName, type ShopConfig } from '../shops';
import { DAY, HOUR, isoUtc } from '../time';
import { PRODUCTS, randomAddress, type Product } from './catalog';
import type { OrderState } from './known-orders';
import type { Rng } from './prng';
import { buildFulfillment, type IdSource } from './shipments';

export interface OrderSpec {
  shop: ShopConfig;
  orderNumber: number;
  createdAtMs: number;
  nowMs: number;
  state: OrderState;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  test: boolean;
  known: boolean;
  productTitle?: string;
  carriers?: string[];
}

export interface SeedContext {
  rng: Rng;
  ids: IdSource;
  /** Customers by lower-cased email, so repeat buyers keep one customer id. */
  customers: Map<string, Customer>;
}

const SHIPPED: Partial<Record<OrderState, ShipmentStatus>> = {
  label_printed: 'label_printed',
  confirmed: 'confirmed',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  attempted_delivery: 'attempted_delivery',
  ready_for_pickup: 'ready_for_pickup',
  delivered: 'delivered',
  delivery_failure: 'failure',
  stuck_in_transit: 'in_transit',
  tracking_without_url: 'in_transit',
  refunded: 'delivered',
  partially_refunded: 'delivered',
};

const ALL_PRODUCTS = Object.values(PRODUCTS).flat();

function makeLine(ctx: SeedContext, p: Product, quantity: number): LineItem {
  const productId = ctx.ids.next('product');
  return {
    id: ctx.ids.next('lineItem'),
    productId,
    variantId: productId + 31_000_000_000_000,
    title: p.title,
    variantTitle: ctx.rng.pick(p.variants),
    sku: ctx.rng.chance(0.9) ? `${p.sku}-${ctx.rng.int(100, 999)}` : null,
    vendor: 'Demo Supplier',
    quantity,
    price: p.price,
    requiresShipping: p.requiresShipping,
    imageUrl: ctx.rng.chance(0.8) ? `https://cdn.shopify.com/s/files/1/0000/0001/products/${p.sku.toLowerCase()}.jpg` : null,
  };
}

function pickItems(ctx: SeedContext, spec: OrderSpec): LineItem[] {
  const catalog = PRODUCTS[spec.shop.domain] ?? [];
  const physical = catalog.filter((p) => p.requiresShipping);
  const digital = catalog.filter((p) => !p.requiresShipping);
  if (spec.state === 'digital') return [makeLine(ctx, ctx.rng.pick(digital), 1)];
  const count = spec.state === 'partially_fulfilled' ? 3 : spec.state === 'split_shipment' ? 2 : ctx.rng.int(1, 3);
  const items: LineItem[] = [];
  const pool = [...physical];
  if (spec.productTitle) {
    const p = ALL_PRODUCTS.find((x) => x.title === spec.productTitle) ?? { ...physical[0]!, title: spec.productTitle };
    items.push(makeLine(ctx, { ...p, requiresShipping: true }, 1));
  }
  while (items.length < count && pool.length > 0) {
    const p = pool.splice(ctx.rng.int(0, pool.length - 1), 1)[0]!;
    items.push(makeLine(ctx, p, ctx.rng.chance(0.75) ? 1 : ctx.rng.int(2, 3)));
  }
  return items;
}

function customerFor(ctx: SeedContext, spec: OrderSpec): Customer | null {
  if (spec.email === null) return null;
  const key = spec.email.toLowerCase();
  let c = ctx.customers.get(key);
  if (!c) {
    c = {
      id: ctx.ids.next('customer'),
      firstName: spec.firstName ?? 'Guest',
      lastName: spec.lastName ?? '',
      email: spec.email,
      phone: ctx.rng.chance(0.3) ? `+1555${ctx.rng.digits(7)}` : null,
      createdAt: isoUtc(spec.createdAtMs - ctx.rng.int(0, 3) * DAY),
    };
    ctx.customers.set(key, c);
  }
  return c;
}

export function buildOrder(ctx: SeedContext, spec: OrderSpec): Order {
  const { rng, ids } = ctx;
  const { shop, state, createdAtMs } = spec;
  const lineItems = pickItems(ctx, spec);
  const needsShipping = state !== 'digital' && state !== 'pos_pickup';
  const address: Address | null = needsShipping ? randomAddress(rng, shop.country, spec.firstName ?? 'Guest', spec.lastName ?? '') : null;
  const subtotal = lineItems.reduce((s, l) => s + Number(l.price) * l.quantity, 0);
  const shipping = needsShipping && subtotal < 100 ? (shop.currency === 'SEK' ? 79 : 7.95) : 0;
  const tax = shop.currency === 'USD' ? Math.round(subtotal * 8) / 100 : 0;
  const token = rng.hex(32);
  const order: Order = {
    id: ids.next('order'),
    shop: shop.domain,
    orderNumber: spec.orderNumber,
    name: orderName(shop, spec.orderNumber),
    email: spec.email,
    phone: null,
    token,
    confirmationNumber: rng.alnum(9),
    createdAt: isoUtc(createdAtMs),
    processedAt: isoUtc(createdAtMs - 1000),
    updatedAt: isoUtc(createdAtMs),
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    financialStatus: 'paid',
    displayFulfillmentStatus: 'UNFULFILLED',
    test: spec.test,
    tags: rng.chance(0.2) ? [rng.pick(['VIP', 'gift', 'wholesale', 'Noël', 'repeat customer'])] : [],
    currency: shop.currency,
    subtotalPrice: subtotal.toFixed(2),
    shippingPrice: shipping.toFixed(2),
    totalTax: tax.toFixed(2),
    totalPrice: (subtotal + shipping + tax).toFixed(2),
    sourceName: state === 'pos_pickup' ? 'pos' : 'web',
    note: rng.chance(0.1) ? 'Please leave at the back door.' : null,
    customer: customerFor(ctx, spec),
    shippingAddress: address,
    billingAddress: address,
    lineItems,
    fulfillments: [],
    refunds: [],
  };
  applyState(ctx, spec, order);
  const stamps = [order.updatedAt, order.cancelledAt, order.closedAt, ...order.fulfillments.map((f) => f.updatedAt), ...order.refunds.map((r) => r.createdAt)];
  order.updatedAt = stamps.reduce<string>((m, s) => (s !== null && s > m ? s : m), order.updatedAt);
  return order;
}

function applyState(ctx: SeedContext, spec: OrderSpec, order: Order): void {
  const { rng, ids } = ctx;
  const { state, nowMs, createdAtMs, shop } = spec;
  const age = nowMs - createdAtMs;
  const clampPast = (ms: number): number => Math.min(ms, nowMs - 5 * 60_000);
  const carriers = spec.carriers ?? [rng.pick(shop.carriers), rng.pick(shop.carriers.filter((c) => c !== shop.carriers[0]))];
  const shipStart = createdAtMs + Math.min(rng.int(4, 24) * HOUR, age * 0.35);
  const endFor = (final: ShipmentStatus | null): number => {
    switch (final) {
      case 'label_printed':
        return shipStart;
      case 'confirmed':
        return clampPast(shipStart + 10 * HOUR);
      case 'in_transit':
        return state === 'stuck_in_transit' ? nowMs - rng.int(156, 192) * HOUR : clampPast(nowMs - rng.int(2, 12) * HOUR);
      case 'out_for_delivery':
        return clampPast(nowMs - rng.int(1, 4) * HOUR);
      case 'attempted_delivery':
        return clampPast(nowMs - rng.int(3, 20) * HOUR);
      case 'ready_for_pickup':
        return clampPast(nowMs - rng.int(12, 40) * HOUR);
      case 'failure':
        return clampPast(shipStart + 3 * DAY);
      default:
        return clampPast(shipStart + rng.int(48, 120) * HOUR);
    }
  };
  const ship = (lines: LineItem[], carrier: string | null, final: ShipmentStatus | null, withUrl = true): void => {
    const startMs = shipStart + order.fulfillments.length * 2 * HOUR;
    const endMs = Math.max(endFor(final), startMs + HOUR);
    order.fulfillments.push(
      buildFulfillment(rng, ids, {
        name: `${order.name}.${order.fulfillments.length + 1}`,
        carrier,
        withUrl,
        final,
        startMs: Math.min(startMs, nowMs - 2 * HOUR),
        endMs: clampPast(endMs),
        lines: lines.map((l) => ({ lineItemId: l.id, quantity: l.quantity })),
        destination: order.shippingAddress,
        originCountry: shop.country,
        locationId: shop.shopId + 1,
      }),
    );
  };
  const refund = (lines: LineItem[], atMs: number, amount: string): void => {
    order.refunds.push({
      id: ids.next('refund'),
      createdAt: isoUtc(clampPast(atMs)),
      note: rng.chance(0.5) ? 'Customer request' : null,
      amount,
      lines: lines.map((l) => ({ lineItemId: l.id, quantity: l.quantity })),
    });
  };
  const shippable = order.lineItems.filter((l) => l.requiresShipping);

  switch (state) {
    case 'payment_pending':
      order.financialStatus = 'pending';
      return;
    case 'payment_expired':
      order.financialStatus = 'expired';
      return;
    case 'payment_voided':
      order.financialStatus = 'voided';
      return;
    case 'partially_paid':
      order.financialStatus = 'partially_paid';
      return;
    case 'authorized_old':
      order.financialStatus = 'authorized';
      return;
    case 'on_hold_address':
      order.displayFulfillmentStatus = 'ON_HOLD';
      order.holdReason = 'INCORRECT_ADDRESS';
      return;
    case 'scheduled':
      order.displayFulfillmentStatus = 'SCHEDULED';
      order.fulfillAt = isoUtc(Math.floor(nowMs / HOUR) * HOUR + 5 * DAY);
      return;
    case 'local_delivery': {
      const start = Math.floor(nowMs / DAY) * DAY + DAY + 14 * HOUR;
      order.deliveryMethod = { type: 'LOCAL', minDeliveryAt: isoUtc(start), maxDeliveryAt: isoUtc(start + 3 * HOUR), location: null };
      return;
    }
    case 'store_pickup':
    case 'store_pickup_ready': {
      const location = { name: `${shop.name} Flagship Store`, address1: '12 Market Street', city: order.shippingAddress?.city ?? 'Springfield' };
      order.deliveryMethod = { type: 'PICK_UP', minDeliveryAt: isoUtc(Math.floor(nowMs / HOUR) * HOUR + 3 * HOUR), maxDeliveryAt: null, location };
      order.shippingAddress = null;
      if (state === 'store_pickup') return;
      ship(shippable, null, null);
      order.fulfillments[0]!.shipmentStatus = 'ready_for_pickup';
      order.deliveryMethod.minDeliveryAt = order.fulfillments[0]!.createdAt;
      break;
    }
    case 'unfulfilled':
      return;
    case 'on_hold':
      order.displayFulfillmentStatus = 'ON_HOLD';
      order.tags.push('fraud-check');
      return;
    case 'digital':
      order.displayFulfillmentStatus = 'FULFILLED';
      return;
    case 'pos_pickup':
      ship(order.lineItems, null, null);
      order.displayFulfillmentStatus = 'FULFILLED';
      order.closedAt = order.createdAt;
      return;
    case 'no_tracking':
      ship(shippable, null, null);
      break;
    case 'partially_fulfilled': {
      const [a, b] = shippable;
      ship(a ? [a] : [], carriers[0] ?? 'UPS', 'delivered');
      ship(b ? [b] : [], carriers[1] ?? 'USPS', 'in_transit');
      order.displayFulfillmentStatus = 'PARTIALLY_FULFILLED';
      return;
    }
    case 'split_shipment': {
      const [a, ...rest] = shippable;
      ship(a ? [a] : [], carriers[0] ?? 'DHL Express', 'in_transit');
      ship(rest, carriers[1] ?? 'Canada Post', 'delivered');
      break;
    }
    case 'cancelled': {
      const at = clampPast(createdAtMs + rng.int(1, 10) * HOUR);
      order.cancelledAt = isoUtc(at);
      order.closedAt = order.cancelledAt;
      order.cancelReason = spec.known
        ? shop.country === 'SE'
          ? 'inventory'
          : 'customer'
        : rng.weighted({ customer: 5, inventory: 2, fraud: 1, declined: 1, other: 1 });
      if (!spec.known && rng.chance(0.3)) order.financialStatus = 'voided';
      else {
        order.financialStatus = 'refunded';
        refund(order.lineItems, at, order.totalPrice);
      }
      return;
    }
    default: {
      const final = SHIPPED[state] ?? 'delivered';
      ship(shippable, carriers[0] ?? 'UPS', final, state !== 'tracking_without_url');
    }
  }
  order.displayFulfillmentStatus = 'FULFILLED';
  const deliveredAt = order.fulfillments.map((f) => f.deliveredAt).find((d) => d !== null);
  if (state === 'refunded') {
    order.financialStatus = 'refunded';
    refund(order.lineItems, Date.parse(deliveredAt ?? order.createdAt) + 2 * DAY, order.totalPrice);
    order.closedAt = order.refunds[0]?.createdAt ?? null;
  } else if (state === 'partially_refunded') {
    order.financialStatus = 'partially_refunded';
    const line = order.lineItems[0]!;
    refund([line], Date.parse(deliveredAt ?? order.createdAt) + DAY, (Number(line.price) * line.quantity).toFixed(2));
  }
  if (deliveredAt && order.closedAt === null && age > 20 * DAY) order.closedAt = isoUtc(clampPast(Date.parse(deliveredAt) + DAY));
}

/** Stable status-page key derived from the order token (the real one is a secret). */
export function statusPageKey(order: Order): string {
  return createHash('sha256').update(`key:${order.token}`).digest('hex').slice(0, 32);
}
