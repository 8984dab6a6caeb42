/** The nav entry a path belongs to: the longest href that is the path or a parent of it (a transcript is under Conversations). */
export function currentNavHref(pathname: string, hrefs: readonly string[]): string | null {
  const path = decodeURIComponent(pathname).replace(/\/+$/, '');
  let best: string | null = null;
  for (const href of hrefs) {
    const h = decodeURIComponent(href).replace(/\/+$/, '');
    if ((path === h || path.startsWith(`${h}/`)) && (best === null || h.length > decodeURIComponent(best).length)) best = href;
  }
  return best;
}
