import type { ShopLocales } from '../i18n/negotiate-locale';

/** Merchant-editable settings; every key optional so old rows stay valid as settings grow. */
export type ShopSettings = {
  brandName?: string;
  brandColor?: string;
  logoUrl?: string;
  supportEmail?: string;
  storefrontDomains?: string[];
  returnPolicy?: string;
  /** How this shop spells order names (`#1001`, `NT-1001`, `1001-EU`), learned from its orders. */
  orderNameFormat?: { prefix: string; suffix: string };
  /** When the order the format was learned from was placed (ISO); a newer order in another format replaces it. */
  orderNameFormatSeenAt?: string;
  /** Staff who open the app from Shopify admin and are not members yet: 'members' (default) adds them, 'owner_only' refuses them (issue 12). */
  embeddedStaffAccess?: 'members' | 'owner_only';
  /** Bumped to rotate the shop's deep-link secret (links signed with the old one stop working). Default 1. */
  deepLinkSecretVersion?: number;
  /** Days conversations and analytics events are kept (issue 6; default DEFAULT_RETENTION_DAYS). */
  retentionDays?: number;
  /** The shop's primary and published storefront languages, read from Shopify at connect and on `locales/*` webhooks (issue 14). */
  locales?: ShopLocales;
};
