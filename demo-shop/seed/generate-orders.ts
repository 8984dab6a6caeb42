/** Seeds every demo shop: the well-known orders at fixed numbers, random realistic orders elsewhere. */
import type { Customer, Order } from '../model';
import type { ShopConfig } from '../shops';
import { DAY } from '../time';
import { buildOrder, type SeedContext } from './build-order';
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES } from './catalog';
import { KNOWN_ORDERS, type OrderState } from './known-orders';
import { createRng, deriveSeed, type Rng } from './prng';
import type { IdSource } from './shipments';

export const SEED_SPAN_DAYS = 55;

export interface ShopData {
  shop: ShopConfig;
  orders: Order[];
  ids: IdSource;
  rng: Rng;
  customers: Map<string, Customer>;
}

const KIND_BASE: Record<Parameters<IdSource['next']>[0], number> = {
  order: 0,
  lineItem: 13_400_000_000_000,
  fulfillment: 4_700_000_000_000,
  fulfillmentLine: 11_200_000_000_000,
  event: 29_100_000_000_000,
  refund: 9_100_000_000_000,
  customer: 7_300_000_000_000,
  product: 8_800_000_000_000,
};

function createIds(shop: ShopConfig, rng: Rng): IdSource {
  const shopOffset = Math.round((shop.idBase % 1_000_000_000_000) / 10);
  const counters = new Map<string, number>();
  return {
    next(kind) {
      const start = kind === 'order' ? shop.idBase : (KIND_BASE[kind] ?? 0) + shopOffset;
      const current = counters.get(kind) ?? start;
      const step = kind === 'order' ? rng.int(9_000, 11_000) : rng.int(1, 97);
      counters.set(kind, current + step);
      return current + step;
    },
  };
}

function randomState(rng: Rng, ageDays: number): OrderState {
  if (ageDays < 0.5) return rng.weighted<OrderState>({ payment_pending: 2, unfulfilled: 6, on_hold: 1, label_printed: 1 });
  if (ageDays < 2) return rng.weighted<OrderState>({ unfulfilled: 35, label_printed: 15, confirmed: 15, in_transit: 25, on_hold: 5, cancelled: 5, digital: 3 });
  if (ageDays < 5)
    return rng.weighted<OrderState>({
      in_transit: 40,
      out_for_delivery: 10,
      delivered: 30,
      partially_fulfilled: 8,
      attempted_delivery: 4,
      unfulfilled: 5,
      cancelled: 3,
      split_shipment: 4,
      digital: 3,
    });
  if (ageDays < 10)
    return rng.weighted<OrderState>({
      delivered: 60,
      in_transit: 10,
      ready_for_pickup: 3,
      delivery_failure: 3,
      split_shipment: 5,
      cancelled: 5,
      refunded: 3,
      partially_refunded: 4,
      no_tracking: 3,
      tracking_without_url: 2,
      pos_pickup: 3,
    });
  return rng.weighted<OrderState>({
    delivered: 74,
    cancelled: 6,
    refunded: 5,
    partially_refunded: 5,
    no_tracking: 3,
    digital: 3,
    stuck_in_transit: 1,
    pos_pickup: 3,
  });
}

const ascii = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

interface Person {
  first: string;
  last: string;
  email: string;
}

function randomPerson(rng: Rng, n: number): Person {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  let local = `${ascii(first)}.${ascii(last)}${rng.chance(0.3) ? n % 100 : ''}`;
  if (rng.chance(0.04)) local += '+orders';
  let email = `${local}@${rng.pick(EMAIL_DOMAINS)}`;
  if (rng.chance(0.06)) email = email.charAt(0).toUpperCase() + email.slice(1);
  return { first, last, email };
}

export function seedShop(shop: ShopConfig, seed: number, nowMs: number): ShopData {
  const rng = createRng(deriveSeed(seed, shop.domain));
  const ctx: SeedContext = { rng, ids: createIds(shop, rng), customers: new Map() };
  const known = new Map(KNOWN_ORDERS.filter((k) => k.shop === shop.domain).map((k) => [k.orderNumber, k]));
  const repeaters: Person[] = Array.from({ length: Math.ceil(shop.orderCount / 4) }, (_, i) => randomPerson(rng, i));
  const slot = (SEED_SPAN_DAYS * DAY) / shop.orderCount;
  const orders: Order[] = [];
  for (let k = 1; k <= shop.orderCount; k++) {
    const orderNumber = 1000 + k;
    const fixture = known.get(orderNumber);
    const jitter = fixture ? 0 : rng.next() * 0.4 * slot;
    const createdAtMs = Math.floor(nowMs - (shop.orderCount - k) * slot - 30 * 60_000 - jitter);
    if (fixture) {
      orders.push(
        buildOrder(ctx, {
          shop,
          orderNumber,
          createdAtMs,
          nowMs,
          state: fixture.state,
          email: fixture.email,
          firstName: fixture.firstName,
          lastName: fixture.lastName,
          test: fixture.test ?? false,
          known: true,
          ...(fixture.productTitle ? { productTitle: fixture.productTitle } : {}),
          ...(fixture.carriers ? { carriers: fixture.carriers } : {}),
        }),
      );
      continue;
    }
    const state = randomState(rng, (nowMs - createdAtMs) / DAY);
    const person = rng.chance(0.35) ? rng.pick(repeaters) : randomPerson(rng, k);
    const pos = state === 'pos_pickup';
    orders.push(
      buildOrder(ctx, {
        shop,
        orderNumber,
        createdAtMs,
        nowMs,
        state,
        email: pos ? null : person.email,
        firstName: pos ? null : person.first,
        lastName: pos ? null : person.last,
        test: rng.chance(0.02),
        known: false,
      }),
    );
  }
  return { shop, orders, ids: ctx.ids, rng, customers: ctx.customers };
}
