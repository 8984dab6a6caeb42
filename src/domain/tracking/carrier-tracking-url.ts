/**
 * Tracking links for well-known carriers, used when Shopify has a tracking number but no URL.
 * Only https templates; the number is always URL-encoded, so a hostile "number" cannot leave its slot.
 */
const TEMPLATES: { names: string[]; url: (n: string) => string }[] = [
  { names: ['ups', 'unitedparcelservice'], url: (n) => `https://www.ups.com/track?tracknum=${n}` },
  { names: ['usps', 'unitedstatespostalservice'], url: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}` },
  { names: ['fedex', 'federalexpress'], url: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}` },
  { names: ['dhlexpress', 'dhl'], url: (n) => `https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=${n}` },
  { names: ['dhlecommerce', 'dhlglobalmail'], url: (n) => `https://www.dhl.com/global-en/home/tracking/tracking-ecommerce.html?submit=1&tracking-id=${n}` },
  { names: ['canadapost', 'postescanada'], url: (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/details/${n}` },
  { names: ['royalmail'], url: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}` },
  { names: ['postnord', 'postnordsweden', 'postnorddenmark'], url: (n) => `https://www.postnord.se/en/our-tools/track-and-trace?shipmentId=${n}` },
  { names: ['australiapost', 'auspost'], url: (n) => `https://auspost.com.au/mypost/track/details/${n}` },
  { names: ['evri', 'hermes', 'hermesuk'], url: (n) => `https://www.evri.com/track/parcel/${n}/details` },
  { names: ['purolator'], url: (n) => `https://www.purolator.com/en/shipping/tracker?pin=${n}` },
  { names: ['dpd', 'dpduk'], url: (n) => `https://track.dpd.co.uk/parcels/${n}` },
  { names: ['ontrac'], url: (n) => `https://www.ontrac.com/tracking/?number=${n}` },
];

function carrierKey(carrier: string): string {
  return carrier
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** The carrier's public tracking page for a number, or null when the carrier is not one we know. */
export function buildCarrierTrackingUrl(carrier: string | null | undefined, trackingNumber: string | null | undefined): string | null {
  const number = trackingNumber?.trim();
  if (!carrier || !number) return null;
  const key = carrierKey(carrier);
  const template = TEMPLATES.find((t) => t.names.includes(key));
  return template ? template.url(encodeURIComponent(number)) : null;
}

/** Accepts a URL from Shopify only when it parses and is https (never `javascript:`, `data:` or plain http). */
export function safeTrackingUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' && parsed.hostname !== '' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/** Shopify's URL when it is safe, else one built for a known carrier, else null ("no tracking link yet"). */
export function resolveTrackingUrl(
  carrier: string | null | undefined,
  trackingNumber: string | null | undefined,
  shopifyUrl: string | null | undefined,
): string | null {
  return safeTrackingUrl(shopifyUrl) ?? buildCarrierTrackingUrl(carrier, trackingNumber);
}
