/**
 * Client components get their words resolved on the server, never a translator (docs/i18n.md). A value only the
 * browser knows (a countdown, the order a card shows) is left in the resolved text as a `{name}` slot: the server
 * passes slot('name') as the value, the browser fills it in. Filling is a plain replacement, no ICU.
 */
export const slot = (name: string) => `{${name}}`;

/** The text with each `{name}` slot replaced by its value; unknown slots stay as they are. */
export function fillSlots(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The text before and after one slot, for wrapping the value in markup (`You can try again in <span>4:59</span>.`). */
export function splitAtSlot(template: string, name: string): [before: string, after: string] {
  const at = template.indexOf(slot(name));
  return at < 0 ? [template, ''] : [template.slice(0, at), template.slice(at + slot(name).length)];
}
