/** Realistic carrier names, tracking-number formats and tracking URLs. */
import type { Rng } from './prng';

export interface Carrier {
  name: string;
  /** Shopify only computes estimated delivery for these carriers (see shopify-api.md §2.7). */
  estimatesDelivery: boolean;
  trackingNumber(rng: Rng): string;
  trackingUrl(num: string): string;
}

const CARRIERS: Record<string, Carrier> = {
  UPS: {
    name: 'UPS',
    estimatesDelivery: true,
    trackingNumber: (r) => `1Z${r.alnum(6, 'ABCDEFGHJKLMNPRTVWXY0123456789')}${r.digits(10)}`,
    trackingUrl: (n) => `https://www.ups.com/track?tracknum=${n}`,
  },
  USPS: {
    name: 'USPS',
    estimatesDelivery: true,
    trackingNumber: (r) => `9400${r.digits(18)}`,
    trackingUrl: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  },
  FedEx: {
    name: 'FedEx',
    estimatesDelivery: true,
    trackingNumber: (r) => `${r.int(1, 9)}${r.digits(11)}`,
    trackingUrl: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  },
  'Canada Post': {
    name: 'Canada Post',
    estimatesDelivery: true,
    trackingNumber: (r) => `70${r.digits(14)}`,
    trackingUrl: (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/details/${n}`,
  },
  'DHL Express': {
    name: 'DHL Express',
    estimatesDelivery: false,
    trackingNumber: (r) => `${r.int(1, 9)}${r.digits(9)}`,
    trackingUrl: (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}&brand=DHL`,
  },
  'Royal Mail': {
    name: 'Royal Mail',
    estimatesDelivery: false,
    trackingNumber: (r) => `${r.alnum(2, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}${r.digits(9)}GB`,
    trackingUrl: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}`,
  },
  PostNord: {
    name: 'PostNord',
    estimatesDelivery: false,
    trackingNumber: (r) => `UV${r.digits(9)}SE`,
    trackingUrl: (n) => `https://www.postnord.se/en/our-tools/track-and-trace?shipmentId=${n}`,
  },
};

export function getCarrier(name: string): Carrier {
  const c = CARRIERS[name];
  if (!c) throw new Error(`unknown carrier ${name}`);
  return c;
}

/** Hubs a parcel passes through, by destination country code. */
export const HUBS: Record<string, { city: string; province: string | null; country: string }[]> = {
  US: [
    { city: 'Louisville', province: 'Kentucky', country: 'United States' },
    { city: 'Memphis', province: 'Tennessee', country: 'United States' },
    { city: 'Chicago', province: 'Illinois', country: 'United States' },
  ],
  CA: [
    { city: 'Mississauga', province: 'Ontario', country: 'Canada' },
    { city: 'Montréal', province: 'Quebec', country: 'Canada' },
  ],
  SE: [
    { city: 'Jönköping', province: null, country: 'Sweden' },
    { city: 'Göteborg', province: null, country: 'Sweden' },
  ],
  GB: [
    { city: 'Warrington', province: 'England', country: 'United Kingdom' },
    { city: 'Heathrow', province: 'England', country: 'United Kingdom' },
  ],
  DE: [{ city: 'Leipzig', province: 'Saxony', country: 'Germany' }],
  NO: [{ city: 'Oslo', province: null, country: 'Norway' }],
};
