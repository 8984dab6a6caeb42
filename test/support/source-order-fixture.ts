/**
 * Test helper: hand-built SourceOrder fixtures, shaped like the GraphQL response (§3.3 of shopify-api.md).
 * Everything has a sensible default so a test states only what it is about.
 */
import { sourceOrderSchema, type SourceEvent, type SourceFulfillment, type SourceOrder } from '../../src/domain/orders/source-order';

export const FIXTURE_NOW = new Date('2025-03-10T15:00:00Z');
export const hoursAgo = (h: number): string => new Date(FIXTURE_NOW.getTime() - h * 3_600_000).toISOString();
export const daysAgo = (d: number): string => hoursAgo(d * 24);
export const daysAhead = (d: number): string => hoursAgo(-d * 24);

let seq = 0;
const nextId = (): number => ++seq;

type LineItem = SourceOrder['lineItems']['nodes'][number];

export function lineItem(title: string, quantity = 1, extra: Partial<LineItem> = {}): LineItem {
  return { id: `gid://shopify/LineItem/${nextId()}`, title, variantTitle: null, quantity, currentQuantity: quantity, unfulfilledQuantity: quantity, ...extra };
}

export function fulfillmentEvent(status: string, happenedAt: string, extra: Partial<SourceEvent> = {}): SourceEvent {
  return {
    id: `gid://shopify/FulfillmentEvent/${nextId()}`,
    status,
    happenedAt,
    message: null,
    city: null,
    province: null,
    country: null,
    estimatedDeliveryAt: null,
    ...extra,
  };
}

export interface FulfillmentSpec extends Partial<Omit<SourceFulfillment, 'events' | 'fulfillmentLineItems' | 'trackingInfo'>> {
  carrier?: string | null;
  number?: string | null;
  url?: string | null;
  events?: SourceEvent[];
  items?: LineItem[];
}

export function fulfillment(spec: FulfillmentSpec = {}): SourceFulfillment {
  const { carrier = 'UPS', number = '1Z999AA10123456784', url = null, events = [], items = [], ...rest } = spec;
  const latest = [...events].sort((a, b) => a.happenedAt.localeCompare(b.happenedAt)).at(-1);
  return {
    id: `gid://shopify/Fulfillment/${nextId()}`,
    name: null,
    status: 'SUCCESS',
    displayStatus: latest?.status ?? 'FULFILLED',
    createdAt: daysAgo(3),
    updatedAt: null,
    inTransitAt: null,
    deliveredAt: latest?.status === 'DELIVERED' ? latest.happenedAt : null,
    estimatedDeliveryAt: null,
    trackingInfo: carrier === null && number === null && url === null ? [] : [{ company: carrier, number, url }],
    events: { nodes: events },
    fulfillmentLineItems: { nodes: items.map((i) => ({ quantity: i.quantity, lineItem: { id: i.id, title: i.title, variantTitle: i.variantTitle } })) },
    ...rest,
  };
}

/** A paid, unfulfilled order #1001 by Jane in Ottawa, placed 5 days before FIXTURE_NOW. */
export function sourceOrder(overrides: Partial<SourceOrder> = {}): SourceOrder {
  const order: SourceOrder = {
    id: 'gid://shopify/Order/5512345678901',
    legacyResourceId: '5512345678901',
    name: '#1001',
    email: 'jane.doe@example.com',
    createdAt: daysAgo(5),
    processedAt: daysAgo(5),
    updatedAt: daysAgo(1),
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    displayFinancialStatus: 'PAID',
    displayFulfillmentStatus: 'UNFULFILLED',
    test: false,
    currencyCode: 'USD',
    totalPriceSet: { shopMoney: { amount: '89.90', currencyCode: 'USD' } },
    totalRefundedSet: { shopMoney: { amount: '0.00', currencyCode: 'USD' } },
    customer: { id: 'gid://shopify/Customer/1', firstName: 'Jane' },
    shippingAddress: { firstName: 'Jane', city: 'Ottawa', country: 'Canada', countryCodeV2: 'CA' },
    lineItems: { nodes: [lineItem('Trail Runner Shoe', 1, { variantTitle: '10 / Black' })] },
    fulfillments: [],
    ...overrides,
  };
  return sourceOrderSchema.parse(order);
}

/** Marks every line item of the order as shipped (Shopify's per-line unfulfilled count drops to 0). */
export function allShipped(items: LineItem[]): LineItem[] {
  return items.map((i) => ({ ...i, unfulfilledQuantity: 0 }));
}
