/**
 * REST Admin API (legacy) routes a WISMO agent uses. Faithful traps: `status` defaults to `open`,
 * unknown params (including `email`) are silently ignored, cursor pagination via `Link` + `page_info`.
 */
import type { Order } from './model';
import { normalizeEmail } from './order-filter';
import { project, restEvent, restFulfillment, restOrder } from './render-rest';
import type { ShopConfig } from './shops';
import type { DemoStore } from './store';

export interface RestResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface RestRequest {
  method: string;
  /** Path after `/admin/api/{version}/`, e.g. `orders/123.json`. */
  path: string;
  params: URLSearchParams;
  shop: ShopConfig;
  store: DemoStore;
  /** `http://127.0.0.1:PORT/shops/{domain}/admin/api/{version}` for Link URLs. */
  apiBase: string;
}

const NOT_FOUND: RestResult = { status: 404, body: { errors: 'Not Found' } };
const FILTERS = [
  'ids',
  'since_id',
  'created_at_min',
  'created_at_max',
  'updated_at_min',
  'updated_at_max',
  'processed_at_min',
  'processed_at_max',
  'name',
  'status',
  'financial_status',
  'fulfillment_status',
  'attribution_app_id',
] as const;

type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

function restFulfillmentStatus(o: Order): string | null {
  return o.displayFulfillmentStatus === 'FULFILLED' ? 'fulfilled' : o.displayFulfillmentStatus === 'PARTIALLY_FULFILLED' ? 'partial' : null;
}

function matches(o: Order, f: Filters): boolean {
  const status = f.status ?? 'open';
  if (status === 'open' && (o.closedAt !== null || o.cancelledAt !== null)) return false;
  if (status === 'closed' && o.closedAt === null) return false;
  if (status === 'cancelled' && o.cancelledAt === null) return false;
  const fin = f.financial_status ?? 'any';
  if (fin === 'unpaid' ? !['authorized', 'partially_paid'].includes(o.financialStatus) : fin !== 'any' && o.financialStatus !== fin) return false;
  const ful = f.fulfillment_status ?? 'any';
  const rs = restFulfillmentStatus(o);
  if ((ful === 'shipped' || ful === 'fulfilled') && rs !== 'fulfilled') return false;
  if (ful === 'partial' && rs !== 'partial') return false;
  if (ful === 'unshipped' && rs !== null) return false;
  if (ful === 'unfulfilled' && rs === 'fulfilled') return false;
  if (
    f.ids &&
    !f.ids
      .split(',')
      .map((s) => s.trim())
      .includes(String(o.id))
  )
    return false;
  if (f.since_id && !(o.id > Number(f.since_id))) return false;
  if (f.name) {
    const want = f.name.trim().toLowerCase().replace(/^#/, '');
    if (o.name.toLowerCase().replace(/^#/, '') !== want && String(o.orderNumber) !== want) return false;
  }
  const range = (value: string, min?: string, max?: string): boolean =>
    (!min || Date.parse(value) >= Date.parse(min)) && (!max || Date.parse(value) <= Date.parse(max));
  return (
    range(o.createdAt, f.created_at_min, f.created_at_max) &&
    range(o.updatedAt, f.updated_at_min, f.updated_at_max) &&
    range(o.processedAt, f.processed_at_min, f.processed_at_max)
  );
}

interface PageInfo {
  f: Filters;
  id: number;
  dir: 'next' | 'previous';
}

const encode = (p: PageInfo): string => Buffer.from(JSON.stringify(p)).toString('base64url');

function decode(s: string): PageInfo | null {
  try {
    const p = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as PageInfo;
    return typeof p.id === 'number' && (p.dir === 'next' || p.dir === 'previous') && typeof p.f === 'object' ? p : null;
  } catch {
    return null;
  }
}

function listOrders(req: RestRequest, orders: Order[], resource = 'orders.json'): RestResult {
  const { params } = req;
  const limit = Math.min(250, Math.max(1, Number(params.get('limit') ?? 50) || 50));
  const fields = params.get('fields');
  if (params.has('page')) return { status: 400, body: { errors: { page: 'page cannot be passed.' } } };
  let filters: Filters = {};
  let cursor: PageInfo | null = null;
  const rawCursor = params.get('page_info');
  if (rawCursor !== null) {
    for (const key of params.keys()) {
      if (!['page_info', 'limit', 'fields'].includes(key)) {
        return {
          status: 400,
          body: {
            errors: { [key]: `${key} cannot be passed when page_info is present. See https://shopify.dev/api/usage/pagination-rest for more information.` },
          },
        };
      }
    }
    cursor = decode(rawCursor);
    if (!cursor) return { status: 400, body: { errors: { page_info: 'Invalid value.' } } };
    filters = cursor.f;
  } else {
    for (const k of FILTERS) {
      const v = params.get(k);
      if (v !== null) filters[k] = v;
    }
  }
  const asc = filters.since_id !== undefined;
  const all = orders.filter((o) => matches(o, filters)).sort((a, b) => (asc ? a.id - b.id : b.id - a.id));
  const after = (o: Order, id: number): boolean => (asc ? o.id > id : o.id < id);
  let page: Order[];
  if (!cursor) page = all.slice(0, limit);
  else if (cursor.dir === 'next') page = all.filter((o) => after(o, cursor.id)).slice(0, limit);
  else {
    const before = all.filter((o) => after({ id: cursor.id } as Order, o.id));
    page = before.slice(Math.max(0, before.length - limit));
  }
  const first = page[0];
  const last = page[page.length - 1];
  const links: string[] = [];
  const link = (p: PageInfo, rel: string): string => {
    const q = new URLSearchParams({ limit: String(limit), ...(fields ? { fields } : {}), page_info: encode(p) });
    return `<${req.apiBase}/${resource}?${q.toString()}>; rel="${rel}"`;
  };
  if (cursor && first && all.some((o) => after({ id: o.id } as Order, first.id))) links.push(link({ f: filters, id: first.id, dir: 'previous' }, 'previous'));
  if (last && all.some((o) => after(o, last.id))) links.push(link({ f: filters, id: last.id, dir: 'next' }, 'next'));
  return {
    status: 200,
    body: { orders: page.map((o) => project(restOrder(o, req.shop), fields)) },
    ...(links.length > 0 ? { headers: { Link: links.join(', ') } } : {}),
  };
}

export function handleRest(req: RestRequest): RestResult {
  if (req.method !== 'GET') return { status: 406, body: { errors: 'Not Acceptable: the demo shop only serves GET on REST' } };
  const { shop, store, params } = req;
  const orders = store.orders(shop.domain);
  const fields = params.get('fields');
  const seg = req.path.replace(/\.json$/, '').split('/');
  const orderOf = (id: string | undefined): Order | undefined => (id && /^\d+$/.test(id) ? store.findOrderById(shop.domain, Number(id)) : undefined);

  if (req.path === 'orders.json') return listOrders(req, orders);
  if (req.path === 'orders/count.json') {
    const f: Filters = {};
    for (const k of FILTERS) {
      const v = params.get(k);
      if (v !== null) f[k] = v;
    }
    return { status: 200, body: { count: orders.filter((o) => matches(o, f)).length } };
  }
  if (seg[0] === 'customers' && seg[1] === 'search') {
    const m = /email:\s*"?([^"\s]+)"?/i.exec(params.get('query') ?? '');
    const seen = new Map<number, unknown>();
    for (const o of orders) {
      if (o.customer && (!m || normalizeEmail(o.customer.email ?? '') === normalizeEmail(m[1] ?? ''))) {
        seen.set(
          o.customer.id,
          project({ id: o.customer.id, email: o.customer.email, first_name: o.customer.firstName, last_name: o.customer.lastName }, fields),
        );
      }
    }
    return { status: 200, body: { customers: [...seen.values()].slice(0, 50) } };
  }
  if (seg[0] === 'customers' && seg[2] === 'orders' && seg.length === 3) {
    return listOrders(
      req,
      orders.filter((o) => String(o.customer?.id) === seg[1]),
      `customers/${seg[1]}/orders.json`,
    );
  }
  if (seg[0] !== 'orders') return NOT_FOUND;
  const order = orderOf(seg[1]);
  if (!order) return NOT_FOUND;
  if (seg.length === 2) return { status: 200, body: { order: project(restOrder(order, shop), fields) } };
  if (seg[2] !== 'fulfillments') return NOT_FOUND;
  if (seg.length === 3) return { status: 200, body: { fulfillments: order.fulfillments.map((f) => project(restFulfillment(order, f, shop), fields)) } };
  if (seg[3] === 'count' && seg.length === 4) return { status: 200, body: { count: order.fulfillments.length } };
  const ful = order.fulfillments.find((f) => String(f.id) === seg[3]);
  if (!ful) return NOT_FOUND;
  if (seg.length === 4) return { status: 200, body: { fulfillment: project(restFulfillment(order, ful, shop), fields) } };
  if (seg[4] !== 'events') return NOT_FOUND;
  if (seg.length === 5) return { status: 200, body: { fulfillment_events: ful.events.map((e) => restEvent(order, ful, e, shop)) } };
  const ev = ful.events.find((e) => String(e.id) === seg[5]);
  return ev && seg.length === 6 ? { status: 200, body: { fulfillment_event: restEvent(order, ful, ev, shop) } } : NOT_FOUND;
}
