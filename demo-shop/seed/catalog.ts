/** Products, people and addresses the seed draws from. */
import type { Address } from '../model';
import type { Rng } from './prng';

export interface Product {
  title: string;
  variants: (string | null)[];
  sku: string;
  price: string;
  requiresShipping: boolean;
}

export const XSS_TITLE = '<script>alert(1)</script> Enamel Camp Mug';
export const UNICODE_TITLE = 'Zürich Wool Beanie — édition ❄️ 北欧';

export const PRODUCTS: Record<string, Product[]> = {
  'acme-outdoors.myshopify.com': [
    { title: 'Trail Runner Shoe', variants: ['9 / Black', '10 / Black', '11 / Slate'], sku: 'TRS', price: '129.00', requiresShipping: true },
    { title: 'Running Socks', variants: ['S', 'M', 'L'], sku: 'SOX', price: '14.00', requiresShipping: true },
    { title: 'Ultralight Tent 2P', variants: ['Olive'], sku: 'TNT2', price: '349.00', requiresShipping: true },
    { title: 'Down Sleeping Bag', variants: ['Regular', 'Long'], sku: 'DSB', price: '279.00', requiresShipping: true },
    { title: 'Headlamp 400', variants: [null], sku: 'HL400', price: '39.95', requiresShipping: true },
    { title: 'Insulated Bottle 1L', variants: ['Sage', 'Sand', 'Black'], sku: 'BTL1', price: '34.00', requiresShipping: true },
    { title: 'Rain Shell Jacket', variants: ['S', 'M', 'L', 'XL'], sku: 'RSJ', price: '189.00', requiresShipping: true },
    { title: 'Trekking Poles (pair)', variants: [null], sku: 'TPL', price: '89.00', requiresShipping: true },
    { title: 'Trail Map Bundle (PDF)', variants: [null], sku: 'MAP-PDF', price: '9.00', requiresShipping: false },
    { title: 'Gift Card', variants: ['$50', '$100'], sku: 'GC', price: '50.00', requiresShipping: false },
  ],
  'nordic-threads.myshopify.com': [
    { title: 'Merino Crew Sweater', variants: ['S / Grey', 'M / Grey', 'L / Navy'], sku: 'MCS', price: '1299.00', requiresShipping: true },
    { title: 'Linen Shirt', variants: ['S', 'M', 'L'], sku: 'LSH', price: '799.00', requiresShipping: true },
    { title: 'Wool Socks 3-pack', variants: ['36-40', '41-45'], sku: 'WS3', price: '249.00', requiresShipping: true },
    { title: 'Fjällräven-style Anorak', variants: ['M', 'L'], sku: 'ANK', price: '1899.00', requiresShipping: true },
    { title: UNICODE_TITLE, variants: ['One size'], sku: 'ZWB', price: '399.00', requiresShipping: true },
    { title: 'Care Guide (e-book)', variants: [null], sku: 'EBOOK', price: '49.00', requiresShipping: false },
  ],
  'tiny-tea.myshopify.com': [
    { title: 'Earl Grey Loose Leaf 100g', variants: [null], sku: 'EG100', price: '8.50', requiresShipping: true },
    { title: 'Sencha Green Tea 50g', variants: [null], sku: 'SEN50', price: '11.00', requiresShipping: true },
    { title: 'Cast Iron Teapot', variants: ['0.8L'], sku: 'CIT', price: '42.00', requiresShipping: true },
    { title: 'Tea Subscription — Monthly', variants: ['Classic'], sku: 'SUB', price: '15.00', requiresShipping: true },
    { title: 'Brewing Masterclass (video)', variants: [null], sku: 'VID', price: '19.00', requiresShipping: false },
  ],
  'fresh-fields.myshopify.com': [
    { title: 'Heirloom Seed Collection', variants: ['Vegetables', 'Herbs'], sku: 'HSC', price: '24.00', requiresShipping: true },
    { title: 'Raw Wildflower Honey 500g', variants: [null], sku: 'HNY500', price: '16.50', requiresShipping: true },
    { title: 'Cedar Raised Bed Kit', variants: ['4 x 4 ft', '4 x 8 ft'], sku: 'CRB', price: '189.00', requiresShipping: true },
    { title: 'Growing Guide (PDF)', variants: [null], sku: 'GG-PDF', price: '7.00', requiresShipping: false },
  ],
};

export const FIRST_NAMES = [
  'Liam',
  'Olivia',
  'Noah',
  'Emma',
  'Ava',
  'Lucas',
  'Mia',
  'Ethan',
  'Sofia',
  'Mateo',
  'Chloé',
  'Björn',
  'Ingrid',
  'Aisha',
  'Kenji',
  'Priya',
  'Diego',
  'Hannah',
  'Oscar',
  'Freya',
  'Amelia',
  'Jack',
  'Leila',
  'Marcus',
];
export const LAST_NAMES = [
  'Smith',
  'Johnson',
  'Brown',
  'Garcia',
  'Martin',
  'Andersson',
  'Johansson',
  'Müller',
  "O'Connor",
  'Nguyen',
  'Patel',
  'Kowalski',
  'Rossi',
  'Dubois',
  'Tanaka',
  'Williams',
  'Taylor',
  'Lindqvist',
  'Okafor',
  'Silva',
];
export const EMAIL_DOMAINS = ['example.com', 'example.org', 'mail.example.net', 'example.co.uk', 'example.se'];

type Place = Omit<Address, 'firstName' | 'lastName' | 'address2' | 'phone'>;

const PLACES: Record<string, Place[]> = {
  US: [
    {
      address1: '350 5th Ave',
      city: 'New York',
      province: 'New York',
      provinceCode: 'NY',
      country: 'United States',
      countryCode: 'US',
      zip: '10118',
      latitude: 40.7484,
      longitude: -73.9857,
    },
    {
      address1: '1600 Pennsylvania Ave NW',
      city: 'Washington',
      province: 'District of Columbia',
      provinceCode: 'DC',
      country: 'United States',
      countryCode: 'US',
      zip: '20500',
      latitude: 38.8977,
      longitude: -77.0365,
    },
    {
      address1: '200 Santa Monica Pier',
      city: 'Santa Monica',
      province: 'California',
      provinceCode: 'CA',
      country: 'United States',
      countryCode: 'US',
      zip: '90401',
      latitude: 34.0094,
      longitude: -118.4973,
    },
    {
      address1: '400 Broad St',
      city: 'Seattle',
      province: 'Washington',
      provinceCode: 'WA',
      country: 'United States',
      countryCode: 'US',
      zip: '98109',
      latitude: 47.6205,
      longitude: -122.3493,
    },
    {
      address1: '233 S Wacker Dr',
      city: 'Chicago',
      province: 'Illinois',
      provinceCode: 'IL',
      country: 'United States',
      countryCode: 'US',
      zip: '60606',
      latitude: 41.8789,
      longitude: -87.6359,
    },
    {
      address1: '1 Denali Park Rd',
      city: 'Denali Park',
      province: 'Alaska',
      provinceCode: 'AK',
      country: 'United States',
      countryCode: 'US',
      zip: '99755',
      latitude: null,
      longitude: null,
    },
  ],
  CA: [
    {
      address1: "151 O'Connor St",
      city: 'Ottawa',
      province: 'Ontario',
      provinceCode: 'ON',
      country: 'Canada',
      countryCode: 'CA',
      zip: 'K2P 2L8',
      latitude: 45.4191,
      longitude: -75.6966,
    },
    {
      address1: '1000 Rue De La Gauchetière O',
      city: 'Montréal',
      province: 'Quebec',
      provinceCode: 'QC',
      country: 'Canada',
      countryCode: 'CA',
      zip: 'H3B 4W5',
      latitude: 45.4987,
      longitude: -73.5662,
    },
  ],
  SE: [
    {
      address1: 'Drottninggatan 53',
      city: 'Stockholm',
      province: null,
      provinceCode: null,
      country: 'Sweden',
      countryCode: 'SE',
      zip: '111 21',
      latitude: 59.3326,
      longitude: 18.0649,
    },
    {
      address1: 'Kungsportsavenyen 10',
      city: 'Göteborg',
      province: null,
      provinceCode: null,
      country: 'Sweden',
      countryCode: 'SE',
      zip: '411 36',
      latitude: 57.7021,
      longitude: 11.9746,
    },
    {
      address1: 'Stortorget 1',
      city: 'Malmö',
      province: null,
      provinceCode: null,
      country: 'Sweden',
      countryCode: 'SE',
      zip: '211 22',
      latitude: 55.6059,
      longitude: 13.0019,
    },
  ],
  NO: [
    {
      address1: 'Karl Johans gate 22',
      city: 'Oslo',
      province: null,
      provinceCode: null,
      country: 'Norway',
      countryCode: 'NO',
      zip: '0159',
      latitude: 59.9127,
      longitude: 10.7461,
    },
  ],
  DE: [
    {
      address1: 'Unter den Linden 77',
      city: 'Berlin',
      province: 'Berlin',
      provinceCode: 'BE',
      country: 'Germany',
      countryCode: 'DE',
      zip: '10117',
      latitude: 52.5163,
      longitude: 13.3777,
    },
  ],
  GB: [
    {
      address1: '221B Baker Street',
      city: 'London',
      province: 'England',
      provinceCode: 'ENG',
      country: 'United Kingdom',
      countryCode: 'GB',
      zip: 'NW1 6XE',
      latitude: 51.5238,
      longitude: -0.1586,
    },
    {
      address1: '1 Princes St',
      city: 'Edinburgh',
      province: 'Scotland',
      provinceCode: 'SCT',
      country: 'United Kingdom',
      countryCode: 'GB',
      zip: 'EH2 2EQ',
      latitude: 55.9533,
      longitude: -3.1883,
    },
    {
      address1: '10 Deansgate',
      city: 'Manchester',
      province: 'England',
      provinceCode: 'ENG',
      country: 'United Kingdom',
      countryCode: 'GB',
      zip: 'M3 1AZ',
      latitude: 53.4808,
      longitude: -2.2426,
    },
  ],
};

/** Destination countries per shop home country (mostly domestic, some abroad). */
const DESTINATIONS: Record<string, Record<string, number>> = {
  US: { US: 80, CA: 20 },
  SE: { SE: 70, NO: 15, DE: 15 },
  GB: { GB: 85, DE: 15 },
};

export function randomAddress(rng: Rng, homeCountry: string, firstName: string, lastName: string): Address {
  const country = rng.weighted(DESTINATIONS[homeCountry] ?? { US: 1 });
  const place = rng.pick(PLACES[country] ?? PLACES.US ?? []);
  return {
    ...place,
    firstName,
    lastName,
    address2: rng.chance(0.25) ? `Apt ${rng.int(1, 40)}` : null,
    phone: rng.chance(0.5) ? `+1 555 ${rng.digits(3)} ${rng.digits(4)}` : null,
  };
}
