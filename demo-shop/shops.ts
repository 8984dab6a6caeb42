/** The three deterministic demo shops, their tokens, time zones and order-name formats. */

export interface BucketConfig {
  /** GraphQL: points in a full bucket; REST: requests in a full bucket. */
  max: number;
  /** GraphQL: points restored per second; REST: requests leaked per second. */
  rate: number;
}

/** One storefront language of a shop, as `shopLocales` reports it. */
export interface DemoShopLocale {
  locale: string;
  primary: boolean;
  published: boolean;
}

export interface ShopConfig {
  domain: string;
  name: string;
  shopId: number;
  accessToken: string;
  scopes: string[];
  timezone: string;
  currency: string;
  country: string;
  namePrefix: string;
  nameSuffix: string;
  orderCount: number;
  /** First order id; later ids grow from here (realistic 13-digit range). */
  idBase: number;
  carriers: string[];
  graphqlBucket: BucketConfig;
  restBucket: BucketConfig;
  /** Storefront languages (`shopLocales`); the primary one is listed first. */
  locales: DemoShopLocale[];
}

export const ACME = 'acme-outdoors.myshopify.com';
export const NORDIC = 'nordic-threads.myshopify.com';
export const TINY = 'tiny-tea.myshopify.com';
/**
 * A shop that has Order Status Agent installed in (demo) Shopify admin but that `npm run demo` does not connect:
 * opening the app from its admin page installs it the Shopify-managed way (token exchange for an offline token).
 */
export const FRESH = 'fresh-fields.myshopify.com';

const DEFAULT_SCOPES = ['read_orders', 'read_customers', 'read_fulfillments', 'read_locales'];

const locale = (code: string, published = true, primary = false): DemoShopLocale => ({ locale: code, primary, published });

export const DEFAULT_SHOPS: readonly ShopConfig[] = [
  {
    domain: ACME,
    name: 'Acme Outdoors',
    shopId: 69012345678,
    accessToken: 'shpat_demo_acme_outdoors',
    scopes: DEFAULT_SCOPES,
    timezone: 'America/New_York',
    currency: 'USD',
    country: 'US',
    namePrefix: '#',
    nameSuffix: '',
    orderCount: 300,
    idBase: 5512345000000,
    carriers: ['UPS', 'USPS', 'FedEx', 'Canada Post', 'DHL Express'],
    graphqlBucket: { max: 2000, rate: 100 },
    restBucket: { max: 40, rate: 2 },
    // Sells worldwide: every language the app speaks, plus one it does not (Korean) and an unpublished draft.
    locales: [
      locale('en', true, true),
      locale('fr-CA'),
      locale('es'),
      locale('de'),
      locale('it'),
      locale('nl'),
      locale('pt-BR'),
      locale('ja'),
      locale('ko'),
      locale('zh-CN', false),
    ],
  },
  {
    domain: NORDIC,
    name: 'Nordic Threads',
    shopId: 71234567890,
    accessToken: 'shpat_demo_nordic_threads',
    scopes: DEFAULT_SCOPES,
    timezone: 'Europe/Stockholm',
    currency: 'SEK',
    country: 'SE',
    namePrefix: 'NT-',
    nameSuffix: '',
    orderCount: 200,
    idBase: 6123456000000,
    carriers: ['PostNord', 'DHL Express', 'UPS'],
    graphqlBucket: { max: 2000, rate: 100 },
    restBucket: { max: 40, rate: 2 },
    // A Swedish shop: its primary language is one the app does not speak.
    locales: [locale('sv', true, true), locale('en'), locale('de'), locale('fi'), locale('fr', false)],
  },
  {
    domain: TINY,
    name: 'Tiny Tea Co',
    shopId: 58765432109,
    accessToken: 'shpat_demo_tiny_tea',
    scopes: DEFAULT_SCOPES,
    timezone: 'Europe/London',
    currency: 'GBP',
    country: 'GB',
    namePrefix: '',
    nameSuffix: '-EU',
    orderCount: 60,
    idBase: 4987654000000,
    carriers: ['Royal Mail', 'DHL Express'],
    graphqlBucket: { max: 2000, rate: 100 },
    restBucket: { max: 40, rate: 2 },
    locales: [locale('en', true, true)],
  },
  {
    domain: FRESH,
    name: 'Fresh Fields Farm',
    shopId: 60123456789,
    accessToken: 'shpat_demo_fresh_fields',
    scopes: DEFAULT_SCOPES,
    timezone: 'America/Chicago',
    currency: 'USD',
    country: 'US',
    namePrefix: '#',
    nameSuffix: '',
    orderCount: 40,
    idBase: 3876543000000,
    carriers: ['USPS', 'UPS'],
    graphqlBucket: { max: 2000, rate: 100 },
    restBucket: { max: 40, rate: 2 },
    locales: [locale('en', true, true), locale('es')],
  },
];

/** The demo shops `npm run demo` connects at start (every one but FRESH). */
export const PRECONNECTED_SHOPS: readonly ShopConfig[] = DEFAULT_SHOPS.filter((shop) => shop.domain !== FRESH);

export function orderName(shop: ShopConfig, orderNumber: number): string {
  return `${shop.namePrefix}${orderNumber}${shop.nameSuffix}`;
}

/** Deep-copies the defaults and applies per-shop overrides (bucket sizes, scopes…). */
export function buildShopConfigs(overrides: Record<string, Partial<ShopConfig>> = {}): ShopConfig[] {
  return DEFAULT_SHOPS.map((s) => ({
    ...s,
    scopes: [...s.scopes],
    carriers: [...s.carriers],
    graphqlBucket: { ...s.graphqlBucket },
    restBucket: { ...s.restBucket },
    locales: s.locales.map((l) => ({ ...l })),
    ...(overrides[s.domain] ?? {}),
  }));
}

/** The HEALTH_TOKEN `npm run demo` gives the app unless one is set (the e2e tests read shop health with it). */
export const DEMO_HEALTH_TOKEN = 'demo-health-token-not-a-secret';
