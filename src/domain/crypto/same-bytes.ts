import { timingSafeEqual } from 'node:crypto';

/**
 * Constant-time equality of two digests or tokens. A length difference returns at once: every caller compares
 * values whose length is public (a digest, a fixed-size token), so that leaks nothing.
 */
export function sameBytes(given: Buffer, expected: Buffer): boolean {
  return given.length === expected.length && timingSafeEqual(given, expected);
}
