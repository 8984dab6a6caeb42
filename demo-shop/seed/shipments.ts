/** Builds one fulfillment (a parcel) with a believable carrier event history. */
import type { Address, Fulfillment, FulfillmentEvent, ShipmentStatus } from '../model';
import { HOUR, isoUtc } from '../time';
import { getCarrier, HUBS } from './carriers';
import type { Rng } from './prng';

export interface IdSource {
  next(kind: 'order' | 'lineItem' | 'fulfillment' | 'fulfillmentLine' | 'event' | 'refund' | 'customer' | 'product'): number;
}

export interface ShipmentSpec {
  name: string;
  /** null = fulfilled without any tracking (no company, number, URL, events). */
  carrier: string | null;
  withUrl: boolean;
  final: ShipmentStatus | null;
  startMs: number;
  endMs: number;
  lines: { lineItemId: number; quantity: number }[];
  destination: Address | null;
  originCountry: string;
  locationId: number;
}

const SEQUENCES: Record<ShipmentStatus, ShipmentStatus[]> = {
  label_printed: ['label_printed'],
  label_purchased: ['label_purchased'],
  confirmed: ['label_printed', 'confirmed'],
  carrier_picked_up: ['confirmed', 'carrier_picked_up'],
  in_transit: ['confirmed', 'in_transit', 'in_transit', 'in_transit'],
  delayed: ['confirmed', 'in_transit', 'delayed'],
  out_for_delivery: ['confirmed', 'in_transit', 'in_transit', 'out_for_delivery'],
  delivered: ['confirmed', 'in_transit', 'in_transit', 'out_for_delivery', 'delivered'],
  attempted_delivery: ['confirmed', 'in_transit', 'in_transit', 'out_for_delivery', 'attempted_delivery'],
  ready_for_pickup: ['confirmed', 'in_transit', 'in_transit', 'ready_for_pickup'],
  failure: ['confirmed', 'in_transit', 'failure'],
};

const MESSAGES: Record<ShipmentStatus, string[]> = {
  label_printed: ['Shipping label created'],
  label_purchased: ['Shipping label purchased'],
  confirmed: ['Shipment information received', 'Order processed: ready for carrier'],
  carrier_picked_up: ['Picked up by carrier'],
  in_transit: ['Arrived at facility', 'Departed facility', 'In transit to next facility', 'Processed at sort center'],
  delayed: ['Delayed: weather conditions'],
  out_for_delivery: ['Out for delivery'],
  delivered: ['Delivered, front door', 'Delivered, left with neighbour', 'Delivered to mailroom'],
  attempted_delivery: ['Delivery attempted - no access to delivery location'],
  ready_for_pickup: ['Available for pickup at Post Office'],
  failure: ['Delivery exception: address not found, returning to sender'],
};

const ORIGINS: Record<string, { city: string; province: string | null; country: string; zip: string }> = {
  US: { city: 'Denver', province: 'Colorado', country: 'United States', zip: '80216' },
  SE: { city: 'Borås', province: null, country: 'Sweden', zip: '504 64' },
  GB: { city: 'Bristol', province: 'England', country: 'United Kingdom', zip: 'BS1 6QH' },
};

export function buildFulfillment(rng: Rng, ids: IdSource, spec: ShipmentSpec): Fulfillment {
  const id = ids.next('fulfillment');
  const lines = spec.lines.map((l) => ({ id: ids.next('fulfillmentLine'), ...l }));
  const base: Fulfillment = {
    id,
    name: spec.name,
    status: 'success',
    shipmentStatus: null,
    createdAt: isoUtc(spec.startMs),
    updatedAt: isoUtc(spec.startMs),
    inTransitAt: null,
    deliveredAt: null,
    estimatedDeliveryAt: null,
    trackingCompany: null,
    trackingNumber: null,
    trackingUrl: null,
    locationId: spec.locationId,
    lines,
    events: [],
  };
  if (spec.carrier === null) return base;
  const carrier = getCarrier(spec.carrier);
  const number = carrier.trackingNumber(rng);
  base.trackingCompany = carrier.name;
  base.trackingNumber = number;
  base.trackingUrl = spec.withUrl ? carrier.trackingUrl(number) : null;
  if (spec.final === null) return base;

  const steps = SEQUENCES[spec.final];
  const eda = carrier.estimatesDelivery ? Math.floor((spec.startMs + rng.int(72, 120) * HOUR) / HOUR) * HOUR : null;
  const origin = ORIGINS[spec.originCountry] ?? ORIGINS.US;
  const dest = spec.destination;
  const hubs = HUBS[dest?.countryCode ?? spec.originCountry] ?? [];
  const span = Math.max(spec.endMs - spec.startMs, HOUR);
  steps.forEach((status, i) => {
    const at = steps.length === 1 ? spec.endMs : spec.startMs + (span * i) / (steps.length - 1);
    let place: { city: string | null; province: string | null; country: string | null; zip: string | null };
    if (status === 'label_printed' || status === 'label_purchased') place = { city: null, province: null, country: null, zip: null };
    else if (status === 'confirmed') place = origin ? { ...origin } : { city: null, province: null, country: null, zip: null };
    else if (status === 'in_transit' || status === 'delayed') {
      const hub = hubs.length > 0 ? rng.pick(hubs) : null;
      place = hub ? { ...hub, zip: null } : { city: null, province: null, country: null, zip: null };
    } else place = { city: dest?.city ?? null, province: dest?.province ?? null, country: dest?.country ?? null, zip: dest?.zip ?? null };
    const event: FulfillmentEvent = {
      id: ids.next('event'),
      status,
      happenedAt: isoUtc(at),
      createdAt: isoUtc(at + rng.int(1, 30) * 60_000),
      message: rng.chance(0.9) ? rng.pick(MESSAGES[status]) : null,
      ...place,
      estimatedDeliveryAt: eda !== null && status !== 'label_printed' && status !== 'label_purchased' ? isoUtc(eda) : null,
    };
    base.events.push(event);
  });
  applyEventSummary(base);
  return base;
}

/** Recomputes shipmentStatus, inTransitAt, deliveredAt, estimatedDeliveryAt and updatedAt from events. */
export function applyEventSummary(f: Fulfillment): void {
  const last = f.events[f.events.length - 1];
  if (!last) return;
  f.shipmentStatus = last.status;
  f.inTransitAt = f.events.find((e) => e.status === 'in_transit')?.happenedAt ?? f.inTransitAt;
  f.deliveredAt = f.events.find((e) => e.status === 'delivered')?.happenedAt ?? null;
  const withEda = [...f.events].reverse().find((e) => e.estimatedDeliveryAt !== null);
  f.estimatedDeliveryAt = withEda?.estimatedDeliveryAt ?? null;
  const latest = f.events.reduce((m, e) => (e.createdAt > m ? e.createdAt : m), f.updatedAt);
  f.updatedAt = latest;
}
