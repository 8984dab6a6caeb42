/** Renders model objects as REST resources: snake_case, integer ids, 2-dp money strings, shop-offset timestamps. */
import type { Address, Fulfillment, FulfillmentEvent, LineItem, Order } from './model';
import { fulfilledQuantity, refundedQuantity, totalRefunded, unfulfilledQuantity } from './model';
import { gid, statusPageUrl } from './render-graphql';
import type { ShopConfig } from './shops';
import { isoInZone, isoInZoneOrNull } from './time';

type Json = Record<string, unknown>;

const moneySet = (amount: string, currency: string): Json => {
  const m = { amount, currency_code: currency };
  return { shop_money: m, presentment_money: m };
};

function address(a: Address | null): Json | null {
  if (!a) return null;
  return {
    first_name: a.firstName,
    last_name: a.lastName,
    name: `${a.firstName} ${a.lastName}`.trim(),
    company: null,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    province: a.province,
    province_code: a.provinceCode,
    country: a.country,
    country_code: a.countryCode,
    zip: a.zip,
    phone: a.phone,
    latitude: a.latitude,
    longitude: a.longitude,
  };
}

function lineItem(order: Order, l: LineItem, fulfillmentQty?: number): Json {
  const shipped = fulfilledQuantity(order, l.id);
  const refunded = refundedQuantity(order, l.id);
  return {
    id: l.id,
    admin_graphql_api_id: gid('LineItem', l.id),
    title: l.title,
    variant_title: l.variantTitle,
    name: l.variantTitle ? `${l.title} - ${l.variantTitle}` : l.title,
    quantity: fulfillmentQty ?? l.quantity,
    current_quantity: l.quantity - refunded,
    fulfillable_quantity: unfulfilledQuantity(order, l),
    fulfillment_status: shipped >= l.quantity ? 'fulfilled' : shipped > 0 ? 'partial' : null,
    fulfillment_service: 'manual',
    requires_shipping: l.requiresShipping,
    sku: l.sku,
    product_id: l.productId,
    variant_id: l.variantId,
    vendor: l.vendor,
    price: l.price,
    price_set: moneySet(l.price, order.currency),
    gift_card: l.title === 'Gift Card',
    properties: [],
    product_exists: true,
    total_discount: '0.00',
    grams: l.requiresShipping ? 500 : 0,
    taxable: true,
  };
}

export function restEvent(order: Order, f: Fulfillment, e: FulfillmentEvent, shop: ShopConfig): Json {
  const tz = shop.timezone;
  return {
    id: e.id,
    fulfillment_id: f.id,
    status: e.status,
    message: e.message,
    happened_at: isoInZone(e.happenedAt, tz),
    city: e.city,
    province: e.province,
    country: e.country,
    zip: e.zip,
    address1: null,
    latitude: null,
    longitude: null,
    shop_id: shop.shopId,
    created_at: isoInZone(e.createdAt, tz),
    updated_at: isoInZone(e.createdAt, tz),
    estimated_delivery_at: isoInZoneOrNull(e.estimatedDeliveryAt, tz),
    order_id: order.id,
    admin_graphql_api_id: gid('FulfillmentEvent', e.id),
  };
}

export function restFulfillment(order: Order, f: Fulfillment, shop: ShopConfig): Json {
  const tz = shop.timezone;
  const items = new Map(order.lineItems.map((l) => [l.id, l]));
  return {
    id: f.id,
    admin_graphql_api_id: gid('Fulfillment', f.id),
    order_id: order.id,
    name: f.name,
    status: f.status,
    shipment_status: f.shipmentStatus,
    service: 'manual',
    location_id: f.locationId,
    origin_address: {},
    receipt: {},
    created_at: isoInZone(f.createdAt, tz),
    updated_at: isoInZone(f.updatedAt, tz),
    tracking_company: f.trackingCompany,
    tracking_number: f.trackingNumber,
    tracking_numbers: f.trackingNumber ? [f.trackingNumber] : [],
    tracking_url: f.trackingUrl,
    tracking_urls: f.trackingUrl ? [f.trackingUrl] : [],
    line_items: f.lines.flatMap((l) => {
      const li = items.get(l.lineItemId);
      return li ? [{ ...lineItem(order, li, l.quantity), fulfillment_line_item_id: l.id }] : [];
    }),
  };
}

export function restOrder(order: Order, shop: ShopConfig): Json {
  const tz = shop.timezone;
  const cur = order.currency;
  const fulfillmentStatus =
    order.displayFulfillmentStatus === 'FULFILLED' ? 'fulfilled' : order.displayFulfillmentStatus === 'PARTIALLY_FULFILLED' ? 'partial' : null;
  const c = order.customer;
  return {
    id: order.id,
    admin_graphql_api_id: gid('Order', order.id),
    name: order.name,
    number: order.orderNumber - 1000,
    order_number: order.orderNumber,
    confirmation_number: order.confirmationNumber,
    email: order.email,
    contact_email: order.email,
    phone: order.phone,
    token: order.token,
    created_at: isoInZone(order.createdAt, tz),
    updated_at: isoInZone(order.updatedAt, tz),
    processed_at: isoInZone(order.processedAt, tz),
    cancelled_at: isoInZoneOrNull(order.cancelledAt, tz),
    cancel_reason: order.cancelReason === 'staff' ? 'other' : order.cancelReason,
    closed_at: isoInZoneOrNull(order.closedAt, tz),
    financial_status: order.financialStatus,
    fulfillment_status: fulfillmentStatus,
    confirmed: true,
    test: order.test,
    tags: order.tags.join(', '),
    note: order.note,
    note_attributes: [],
    source_name: order.sourceName,
    currency: cur,
    presentment_currency: cur,
    total_price: order.totalPrice,
    total_price_set: moneySet(order.totalPrice, cur),
    subtotal_price: order.subtotalPrice,
    subtotal_price_set: moneySet(order.subtotalPrice, cur),
    total_tax: order.totalTax,
    total_tax_set: moneySet(order.totalTax, cur),
    total_discounts: '0.00',
    current_total_price: (Number(order.totalPrice) - Number(totalRefunded(order))).toFixed(2),
    total_outstanding: order.financialStatus === 'pending' ? order.totalPrice : '0.00',
    order_status_url: statusPageUrl(order, shop),
    customer: c
      ? {
          id: c.id,
          email: c.email,
          first_name: c.firstName,
          last_name: c.lastName,
          phone: c.phone,
          state: 'disabled',
          verified_email: true,
          tags: '',
          currency: cur,
          created_at: isoInZone(c.createdAt, tz),
          updated_at: isoInZone(c.createdAt, tz),
          note: null,
          admin_graphql_api_id: gid('Customer', c.id),
        }
      : null,
    ...(order.shippingAddress ? { shipping_address: address(order.shippingAddress) } : {}),
    billing_address: address(order.billingAddress),
    line_items: order.lineItems.map((l) => lineItem(order, l)),
    fulfillments: order.fulfillments.map((f) => restFulfillment(order, f, shop)),
    refunds: order.refunds.map((r) => ({
      id: r.id,
      admin_graphql_api_id: gid('Refund', r.id),
      order_id: order.id,
      created_at: isoInZone(r.createdAt, tz),
      processed_at: isoInZone(r.createdAt, tz),
      note: r.note,
      restock: true,
      refund_line_items: r.lines.map((l) => ({ line_item_id: l.lineItemId, quantity: l.quantity })),
      transactions: [{ kind: 'refund', status: 'success', amount: r.amount, currency: cur }],
    })),
    shipping_lines: order.shippingAddress ? [{ title: 'Standard', code: 'STANDARD', source: 'shopify', price: order.shippingPrice }] : [],
    payment_gateway_names: order.test ? ['bogus'] : ['shopify_payments'],
  };
}

/** `fields=id,name,total-price` style sparse projection (dashes tolerated like Shopify's own example). */
export function project(obj: Json, fields: string | null): Json {
  if (!fields) return obj;
  const wanted = fields
    .split(',')
    .map((f) => f.trim().replace(/-/g, '_'))
    .filter(Boolean);
  const out: Json = {};
  for (const f of wanted) if (f in obj) out[f] = obj[f];
  return out;
}
