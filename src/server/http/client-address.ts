/** Best-effort client address: only for rate limits and keyed audit hashes, never stored raw. */
export function readClientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || 'unknown';
}
