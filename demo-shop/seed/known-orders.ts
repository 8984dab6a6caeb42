/**
 * Well-known orders that exist in every seeded demo shop regardless of the PRNG seed, so tests can
 * pick "an order that is out for delivery" without hunting. Order numbers sit where their age fits
 * (orders are dated by number: the first is ~55 days old, the last is minutes old).
 */
import type { ShipmentStatus } from '../model';
import { ACME, DEFAULT_SHOPS, NORDIC, orderName, TINY } from '../shops';
import { UNICODE_TITLE, XSS_TITLE } from './catalog';

/** Shipped, and the carrier's last scan says this (the seed gives the parcel this shipment status). */
type ShippedState = Exclude<ShipmentStatus, 'label_purchased' | 'failure' | 'delayed' | 'carrier_picked_up'>;

export type OrderState =
  | ShippedState
  | 'payment_pending'
  | 'unfulfilled'
  | 'on_hold'
  | 'delivery_failure'
  | 'partially_fulfilled'
  | 'split_shipment'
  | 'stuck_in_transit'
  | 'no_tracking'
  | 'tracking_without_url'
  | 'cancelled'
  | 'refunded'
  | 'partially_refunded'
  | 'digital'
  | 'pos_pickup'
  | 'payment_expired'
  | 'payment_voided'
  | 'partially_paid'
  | 'authorized_old'
  | 'on_hold_address'
  | 'scheduled'
  | 'local_delivery'
  | 'store_pickup'
  | 'store_pickup_ready';

export interface KnownOrder {
  /** Unique handle, e.g. `acme.in_transit`. */
  key: string;
  shop: string;
  /** Display name as the shopper sees it: `#1282`, `NT-1180`, `1055-EU`. */
  name: string;
  orderNumber: number;
  /** Stored exactly like this (case preserved); null for POS orders. */
  email: string | null;
  state: OrderState;
  firstName: string | null;
  lastName: string | null;
  test?: boolean;
  /** Title of the first line item, when the fixture depends on it. */
  productTitle?: string;
  carriers?: string[];
  note: string;
}

type Row = [
  key: string,
  shop: string,
  orderNumber: number,
  email: string | null,
  state: OrderState,
  first: string | null,
  last: string | null,
  note: string,
  extra?: Partial<KnownOrder>,
];

const ROWS: Row[] = [
  ['acme.in_transit', ACME, 1282, 'jane.doe@example.com', 'in_transit', 'Jane', 'Doe', 'FedEx, in transit with estimated delivery', { carriers: ['FedEx'] }],
  [
    'acme.delivered',
    ACME,
    1001,
    'jane.doe@example.com',
    'delivered',
    'Jane',
    'Doe',
    'oldest order; delivered and archived (closed) so REST status=open hides it',
    { carriers: ['UPS'] },
  ],
  [
    'acme.partially_fulfilled',
    ACME,
    1280,
    'jane.doe@example.com',
    'partially_fulfilled',
    'Jane',
    'Doe',
    'UPS shipment delivered + USPS shipment in transit + one item not shipped yet',
    { carriers: ['UPS', 'USPS'] },
  ],
  ['acme.cancelled', ACME, 1200, 'jane.doe@example.com', 'cancelled', 'Jane', 'Doe', 'cancelled by customer, refunded'],
  ['acme.partially_refunded', ACME, 1150, 'jane.doe@example.com', 'partially_refunded', 'Jane', 'Doe', 'delivered; one line refunded', { carriers: ['USPS'] }],
  ['acme.unfulfilled', ACME, 1295, 'jane.doe@example.com', 'unfulfilled', 'Jane', 'Doe', 'paid, not shipped yet'],
  ['acme.john', ACME, 1002, 'john@example.com', 'delivered', 'John', 'Smith', 'plain address whose +tag twin has another order', { carriers: ['USPS'] }],
  [
    'acme.john_plus_tag',
    ACME,
    1276,
    'john+shop@example.com',
    'in_transit',
    'John',
    'Smith',
    'email with +tag; a loose email search for john@example.com also returns it',
    { carriers: ['UPS'] },
  ],
  ['acme.refunded', ACME, 1120, 'refund.rita@example.com', 'refunded', 'Rita', 'Moreno', 'delivered then fully refunded (closed)', { carriers: ['UPS'] }],
  [
    'acme.unicode',
    ACME,
    1230,
    'zoe.angstrom@example.com',
    'delivered',
    'Zoë',
    'Ångström',
    'unicode customer name and product title',
    { productTitle: UNICODE_TITLE, carriers: ['Canada Post'] },
  ],
  ['acme.pos_pickup', ACME, 1235, null, 'pos_pickup', null, null, 'POS sale: no email, no customer, no shipping address'],
  [
    'acme.stuck_in_transit',
    ACME,
    1240,
    'stuck.sam@example.com',
    'stuck_in_transit',
    'Sam',
    'Keller',
    'in transit, last carrier scan 8 days ago, estimated delivery passed',
    { carriers: ['USPS'] },
  ],
  ['acme.digital', ACME, 1245, 'digital.dana@example.com', 'digital', 'Dana', 'Reyes', 'digital only: no shipping address, no fulfillment needed'],
  [
    'acme.delivery_failure',
    ACME,
    1250,
    'fail.fiona@example.com',
    'delivery_failure',
    'Fiona',
    'Walsh',
    'carrier reported failure (address not found)',
    { carriers: ['FedEx'] },
  ],
  [
    'acme.tracking_without_url',
    ACME,
    1255,
    'Mixed.Case@Example.COM',
    'tracking_without_url',
    'Max',
    'Case',
    'mixed-case email stored; tracking number but URL null',
    { carriers: ['DHL Express'] },
  ],
  ['acme.no_tracking', ACME, 1262, 'notrack.nina@example.com', 'no_tracking', 'Nina', 'Park', 'fulfilled without company, number or URL; no events'],
  [
    'acme.ready_for_pickup',
    ACME,
    1268,
    'pickup.pat@example.com',
    'ready_for_pickup',
    'Pat',
    'Lee',
    'waiting at a carrier pickup point',
    { carriers: ['Canada Post'] },
  ],
  [
    'acme.attempted_delivery',
    ACME,
    1272,
    'attempt.adam@example.com',
    'attempted_delivery',
    'Adam',
    'Fox',
    'delivery attempted, nobody home',
    { carriers: ['UPS'] },
  ],
  ['acme.out_for_delivery', ACME, 1278, 'ofd.olivia@example.com', 'out_for_delivery', 'Olivia', 'Grant', 'out for delivery today', { carriers: ['USPS'] }],
  [
    'acme.split_shipment',
    ACME,
    1284,
    'split.sven@example.com',
    'split_shipment',
    'Sven',
    'Berg',
    'fully fulfilled in two shipments by different carriers',
    { carriers: ['DHL Express', 'Canada Post'] },
  ],
  [
    'acme.xss',
    ACME,
    1287,
    'xss.xavier@example.com',
    'confirmed',
    'Xavier',
    '<b>Bold</b>',
    'product title and last name contain HTML',
    { productTitle: XSS_TITLE, carriers: ['UPS'] },
  ],
  [
    'acme.confirmed',
    ACME,
    1289,
    'confirm.cora@example.com',
    'confirmed',
    'Cora',
    'Diaz',
    'carrier knows about the parcel, not yet received',
    { carriers: ['USPS'] },
  ],
  ['acme.label_printed', ACME, 1292, 'label.liam@example.com', 'label_printed', 'Liam', 'Nolan', 'label printed, not handed to carrier', { carriers: ['UPS'] }],
  ['acme.on_hold', ACME, 1294, 'hold.hana@example.com', 'on_hold', 'Hana', 'Sato', 'fulfillment on hold'],
  ['acme.test_order', ACME, 1297, 'test.tom@example.com', 'unfulfilled', 'Tom', 'Tester', 'test order (bogus gateway)', { test: true }],
  ['acme.payment_pending', ACME, 1298, 'pending.paula@example.com', 'payment_pending', 'Paula', 'Quinn', 'payment pending'],
  [
    'acme.payment_expired',
    ACME,
    1205,
    'expired.eva@example.com',
    'payment_expired',
    'Eva',
    'Marsh',
    'card authorised, never captured: authorisation expired, nothing shipped',
  ],
  [
    'acme.authorized_old',
    ACME,
    1210,
    'auth.arlo@example.com',
    'authorized_old',
    'Arlo',
    'Hayes',
    'authorised (not captured) 16 days ago, nothing shipped: the authorisation has probably lapsed',
  ],
  ['acme.payment_voided', ACME, 1215, 'void.vera@example.com', 'payment_voided', 'Vera', 'Lind', 'payment voided, order not cancelled, nothing shipped'],
  ['acme.store_pickup', ACME, 1285, 'pickup.piper@example.com', 'store_pickup', 'Piper', 'Ross', 'local pickup at the store, being prepared'],
  ['acme.store_pickup_ready', ACME, 1286, 'pickup.reid@example.com', 'store_pickup_ready', 'Reid', 'Moss', 'local pickup at the store, ready to collect'],
  ['acme.partially_paid', ACME, 1290, 'deposit.dora@example.com', 'partially_paid', 'Dora', 'Kent', 'deposit paid, balance due'],
  [
    'acme.on_hold_address',
    ACME,
    1291,
    'hold.hugo@example.com',
    'on_hold_address',
    'Hugo',
    'Brandt',
    'fulfillment held: INCORRECT_ADDRESS (the hold note is internal)',
  ],
  ['acme.scheduled', ACME, 1293, 'sched.sara@example.com', 'scheduled', 'Sara', 'Vale', 'subscription box scheduled to be prepared in 5 days'],
  ['acme.local_delivery', ACME, 1296, 'local.lena@example.com', 'local_delivery', 'Lena', 'Ortiz', 'local delivery by the store, window tomorrow 14:00-17:00'],
  [
    'acme.apostrophe',
    ACME,
    1299,
    "Liam.O'Connor@example.ie",
    'unfulfilled',
    'Liam',
    "O'Connor",
    'apostrophe in the local part (Irish name); phones type it as ’',
  ],
  ['acme.atext', ACME, 1300, "o'reilly&sons+orders@example.com", 'unfulfilled', 'Sean', "O'Reilly", "RFC 5322 atext characters (& + ') in the local part"],
  [
    'nordic.delivered',
    NORDIC,
    1001,
    'jane.doe@example.com',
    'delivered',
    'Jane',
    'Doe',
    'same number and same email as acme #1001, other shop',
    { carriers: ['PostNord'] },
  ],
  ['nordic.cancelled', NORDIC, 1150, 'erik.lund@example.se', 'cancelled', 'Erik', 'Lund', 'cancelled (inventory)'],
  [
    'nordic.in_transit',
    NORDIC,
    1180,
    'astrid.berg@example.se',
    'in_transit',
    'Astrid',
    'Berg',
    'PostNord in transit (no estimated delivery)',
    { carriers: ['PostNord'] },
  ],
  ['nordic.unfulfilled', NORDIC, 1195, 'sofia.nilsson@example.se', 'unfulfilled', 'Sofia', 'Nilsson', 'paid, not shipped'],
  ['nordic.utf8_local', NORDIC, 1197, 'åsa.öberg@exempel.se', 'unfulfilled', 'Åsa', 'Öberg', 'UTF-8 local part (RFC 6531)'],
  ['nordic.idn', NORDIC, 1198, 'anna@xn--bcher-kva.de', 'unfulfilled', 'Anna', 'Weber', 'IDN domain stored in punycode; shoppers type bücher.de'],
  ['tiny.delivered', TINY, 1001, 'emma.hughes@example.co.uk', 'delivered', 'Emma', 'Hughes', 'first order of the small shop', { carriers: ['Royal Mail'] }],
  ['tiny.in_transit', TINY, 1055, 'oliver.brown@example.co.uk', 'in_transit', 'Oliver', 'Brown', 'Royal Mail in transit', { carriers: ['Royal Mail'] }],
  ['tiny.unfulfilled', TINY, 1058, 'amelia.jones@example.co.uk', 'unfulfilled', 'Amelia', 'Jones', 'paid, not shipped'],
  ['tiny.apostrophe', TINY, 1059, "gianni.d'amico@example.it", 'unfulfilled', 'Gianni', "D'Amico", 'apostrophe (Italian name)'],
];

export const KNOWN_ORDERS: readonly KnownOrder[] = ROWS.map(([key, shop, orderNumber, email, state, firstName, lastName, note, extra]) => {
  const config = DEFAULT_SHOPS.find((candidate) => candidate.domain === shop);
  if (!config) throw new Error(`known order ${key}: no demo shop ${shop}`);
  return { key, shop, name: orderName(config, orderNumber), orderNumber, email, state, firstName, lastName, note, ...extra };
});

/** Looks a fixture up by key (`acme.in_transit`) and throws when it does not exist. */
export function knownOrder(key: string): KnownOrder {
  const found = KNOWN_ORDERS.find((k) => k.key === key);
  if (!found) throw new Error(`no known order ${key}`);
  return found;
}

/** All fixtures of one shop with this email (exact, as stored). */
export function knownOrdersFor(shop: string, email: string): KnownOrder[] {
  return KNOWN_ORDERS.filter((k) => k.shop === shop && k.email === email);
}

export const JANE_EMAIL = 'jane.doe@example.com';
