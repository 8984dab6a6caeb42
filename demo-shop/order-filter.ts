/**
 * Evaluates a parsed search query against orders. Matching is deliberately as loose as Shopify's
 * tokenised search index, so callers must re-check what they asked for:
 * - `name:1001` matches `#1001`, `NT-1001` and `1001-EU` (number token); `name:#1001` / `name:NT-1001` match
 *   that exact name, with or without `#`, case-insensitively.
 * - `email:` is case-insensitive AND ignores a `+tag` on either side, quoted or not:
 *   `email:john@example.com` also returns `john+shop@example.com` and `JOHN@example.com`.
 */
import { fulfilledQuantity, type Order } from './model';
import type { Comparator, SearchNode, SearchWarning } from './search-query';

type Verdict = boolean | null;

const KNOWN_FIELDS = new Set([
  'name',
  'email',
  'customer_id',
  'status',
  'financial_status',
  'fulfillment_status',
  'created_at',
  'updated_at',
  'processed_at',
  'id',
  'test',
  'confirmation_number',
  'tag',
  'tag_not',
  'sku',
  'source_name',
]);

export function normalizeEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 0) return lower;
  return lower.slice(0, at).replace(/\+.*$/, '') + lower.slice(at);
}

function compare(a: number, cmp: Comparator, b: number): boolean {
  switch (cmp) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      return a === b;
  }
}

function parseDate(value: string, nowMs: number): { start: number; end: number } | null {
  if (value === 'now') return { start: nowMs, end: nowMs };
  if (value === 'today') {
    const d = Math.floor(nowMs / 86_400_000) * 86_400_000;
    return { start: d, end: d + 86_400_000 - 1 };
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return { start: ms, end: dateOnly ? ms + 86_400_000 - 1 : ms };
}

function fulfillmentBucket(order: Order): string[] {
  const s = order.displayFulfillmentStatus;
  const anyShipped = order.lineItems.some((l) => fulfilledQuantity(order, l.id) > 0);
  switch (s) {
    case 'FULFILLED':
      return ['shipped', 'fulfilled'];
    case 'PARTIALLY_FULFILLED':
      return ['partial', 'unfulfilled'];
    case 'ON_HOLD':
      return ['on_hold', 'unfulfilled', 'unshipped'];
    case 'SCHEDULED':
      return ['scheduled', 'unfulfilled', 'unshipped'];
    case 'REQUEST_DECLINED':
      return ['request_declined', 'unfulfilled'];
    default:
      return anyShipped ? ['partial', 'unfulfilled'] : ['unshipped', 'unfulfilled'];
  }
}

function evalTerm(order: Order, t: Extract<SearchNode, { type: 'term' }>, nowMs: number): Verdict {
  const value = t.value;
  const lower = value.toLowerCase();
  const wildcard = !t.quoted && lower.endsWith('*') ? lower.slice(0, -1) : null;
  const text = (s: string | null | undefined): boolean => {
    if (s == null) return false;
    const v = s.toLowerCase();
    return wildcard !== null ? v.startsWith(wildcard) : v === lower;
  };
  if (t.field === null) {
    if (lower === '') return null;
    const hay = [order.name, order.email, order.customer?.firstName, order.customer?.lastName, order.confirmationNumber]
      .filter((x): x is string => !!x)
      .map((x) => x.toLowerCase());
    return hay.some((h) => h.includes(lower.replace(/^#/, '')));
  }
  if (!KNOWN_FIELDS.has(t.field)) return null;
  switch (t.field) {
    case 'name': {
      const want = lower.replace(/^#/, '');
      if (/^\d+$/.test(want)) return String(order.orderNumber) === want;
      return wildcard !== null
        ? order.name.toLowerCase().replace(/^#/, '').startsWith(want.replace(/\*$/, ''))
        : order.name.toLowerCase().replace(/^#/, '') === want;
    }
    case 'email':
      if (order.email === null) return false;
      return wildcard !== null ? order.email.toLowerCase().startsWith(wildcard) : normalizeEmail(order.email) === normalizeEmail(value);
    case 'customer_id':
      return order.customer !== null && String(order.customer.id) === value.trim();
    case 'confirmation_number':
      return text(order.confirmationNumber);
    case 'test':
      return order.test === (lower === 'true');
    case 'source_name':
      return text(order.sourceName);
    case 'tag':
      return order.tags.some(text);
    case 'tag_not':
      return !order.tags.some(text);
    case 'sku':
      return order.lineItems.some((l) => text(l.sku));
    case 'financial_status':
      return order.financialStatus === lower;
    case 'fulfillment_status':
      return fulfillmentBucket(order).includes(lower);
    case 'status':
      if (lower === 'open') return order.closedAt === null && order.cancelledAt === null;
      if (lower === 'closed') return order.closedAt !== null;
      if (lower === 'cancelled' || lower === 'canceled') return order.cancelledAt !== null;
      if (lower === 'not_closed') return order.closedAt === null;
      if (lower === 'any') return true;
      return null;
    case 'id': {
      if (!/^\d+$/.test(value)) return false;
      return compare(order.id, t.comparator, Number(value));
    }
    default: {
      const range = parseDate(value, nowMs);
      if (!range) return false;
      const stamp = Date.parse(t.field === 'created_at' ? order.createdAt : t.field === 'updated_at' ? order.updatedAt : order.processedAt);
      if (t.comparator === ':') return stamp >= range.start && stamp <= range.end;
      if (t.comparator === '<' || t.comparator === '>=') return compare(stamp, t.comparator, range.start);
      return compare(stamp, t.comparator, range.end);
    }
  }
}

function termWarning(t: Extract<SearchNode, { type: 'term' }>): SearchWarning | null {
  if (t.field === null) return null;
  if (!KNOWN_FIELDS.has(t.field)) return { field: t.field, message: 'Invalid search field for this query.' };
  const v = t.value.toLowerCase();
  if (t.field === 'status' && !['open', 'closed', 'cancelled', 'canceled', 'not_closed', 'any'].includes(v)) {
    return { field: 'status', message: `Input \`${t.value}\` is not an accepted value.` };
  }
  if (t.field === 'id' && !/^\d+$/.test(t.value)) {
    return { field: 'id', message: `Expected field to be a positive integer or UUID, received \`${t.value.split(':')[0]}\`.` };
  }
  if (/_at$/.test(t.field) && v !== 'now' && v !== 'today' && Number.isNaN(Date.parse(t.value))) {
    return { field: t.field, message: `Invalid date value \`${t.value}\`.` };
  }
  return null;
}

/** Warnings that do not depend on the data (unknown fields, malformed values). */
export function collectWarnings(node: SearchNode | null): SearchWarning[] {
  const out = new Map<string, SearchWarning>();
  const walk = (n: SearchNode): void => {
    if (n.type === 'term') {
      const w = termWarning(n);
      if (w) out.set(`${w.field}\u0000${w.message}`, w);
    } else if (n.type === 'not') walk(n.child);
    else n.children.forEach(walk);
  };
  if (node) walk(node);
  return [...out.values()];
}

function evalNode(order: Order, node: SearchNode, nowMs: number): Verdict {
  switch (node.type) {
    case 'term':
      return evalTerm(order, node, nowMs);
    case 'not': {
      const v = evalNode(order, node.child, nowMs);
      return v === null ? null : !v;
    }
    case 'and': {
      let seen = false;
      for (const c of node.children) {
        const v = evalNode(order, c, nowMs);
        if (v === false) return false;
        if (v === true) seen = true;
      }
      return seen ? true : null;
    }
    case 'or': {
      let seen = false;
      for (const c of node.children) {
        const v = evalNode(order, c, nowMs);
        if (v === true) return true;
        if (v === false) seen = true;
      }
      return seen ? false : null;
    }
  }
}

/** Filters orders; terms that only produced warnings are ignored (match everything). */
export function filterOrders(orders: Order[], node: SearchNode | null, nowMs: number): { orders: Order[]; warnings: SearchWarning[] } {
  if (node === null) return { orders, warnings: [] };
  return { orders: orders.filter((o) => evalNode(o, node, nowMs) !== false), warnings: collectWarnings(node) };
}
