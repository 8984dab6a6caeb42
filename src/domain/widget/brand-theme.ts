import type { ShopSettings } from '../shops/shop-settings';

/** The widget's look for one shop: a name, a brand colour and the text colour that reads on it. */
export type BrandTheme = { name: string; color: string; onColor: '#ffffff' | '#000000'; logoUrl: string | null };

export const DEFAULT_BRAND_COLOR = '#1d4ed8';
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const MAX_NAME = 60;

function expandHex(color: string): string {
  const hex = color.slice(1).toLowerCase();
  return hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
}

/** WCAG 2.x relative luminance of a `#rgb`/`#rrggbb` colour. */
export function relativeLuminance(color: string): number {
  const hex = expandHex(color);
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * White or black, whichever contrasts more with `color`. Either choice is at least 4.58:1 for every colour,
 * so text on the brand colour always meets WCAG AA.
 */
export function readableTextOn(color: string): '#ffffff' | '#000000' {
  return contrastRatio(color, '#ffffff') >= contrastRatio(color, '#000000') ? '#ffffff' : '#000000';
}

/** Brand name and colour from the shop's settings, falling back to the shop name and a default blue. */
export function buildBrandTheme(shopName: string, settings: Pick<ShopSettings, 'brandName' | 'brandColor' | 'logoUrl'>): BrandTheme {
  const color = settings.brandColor && HEX.test(settings.brandColor.trim()) ? `#${expandHex(settings.brandColor.trim())}` : DEFAULT_BRAND_COLOR;
  const name = (settings.brandName?.trim() || shopName.trim() || 'Store').slice(0, MAX_NAME);
  const logoUrl = settings.logoUrl && /^https:\/\/[^\s"'<>]+$/i.test(settings.logoUrl) ? settings.logoUrl : null;
  return { name, color, onColor: readableTextOn(color), logoUrl };
}
