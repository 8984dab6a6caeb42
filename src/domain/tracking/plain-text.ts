/**
 * Shopify strings (titles, names, carrier messages) are merchant- or carrier-controlled. They stay plain text:
 * nothing is stripped or interpreted as HTML (renderers escape), but control and bidi-override characters are
 * dropped, whitespace collapsed and length capped so one odd value cannot break a layout or a model prompt.
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Cleaned plain text, or null when nothing printable is left. */
export function plainText(value: string | null | undefined, max = 200): string | null {
  if (value == null) return null;
  const text = value.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** Joins the non-empty, distinct parts: `Mississauga, Ontario, Canada`. */
export function joinPlace(...parts: (string | null | undefined)[]): string | null {
  const seen: string[] = [];
  for (const p of parts) {
    const t = plainText(p, 80);
    if (t && !seen.includes(t)) seen.push(t);
  }
  return seen.length > 0 ? seen.join(', ') : null;
}
