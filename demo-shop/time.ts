/** Timestamp helpers: UTC `Z` strings for GraphQL, shop-offset strings for REST. */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** ISO 8601 UTC without milliseconds, the way Shopify's GraphQL API prints DateTime. */
export function isoUtc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** `2025-03-03T10:15:22-05:00`: the instant rendered in the shop's IANA zone, as REST does. */
export function isoInZone(isoOrMs: string | number, timeZone: string): string {
  const ms = typeof isoOrMs === 'number' ? isoOrMs : Date.parse(isoOrMs);
  const wholeMs = Math.floor(ms / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(wholeMs))) parts[p.type] = p.value;
  const num = (k: string): number => Number(parts[k] ?? '0');
  const localAsUtc = Date.UTC(num('year'), num('month') - 1, num('day'), num('hour'), num('minute'), num('second'));
  const offsetMin = Math.round((localAsUtc - wholeMs) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  return `${date}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function isoInZoneOrNull(iso: string | null, timeZone: string): string | null {
  return iso === null ? null : isoInZone(iso, timeZone);
}
