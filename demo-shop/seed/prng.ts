/** Small deterministic PRNG (mulberry32) with the helpers the seed needs. */

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** Picks a key according to non-negative weights. */
  weighted<K extends string>(weights: Partial<Record<K, number>>): K;
  hex(length: number): string;
  alnum(length: number, alphabet?: string): string;
  digits(length: number): string;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const fromAlphabet = (length: number, alphabet: string): string => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[int(0, alphabet.length - 1)];
    return out;
  };
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('pick from empty list');
      return item;
    },
    chance: (p) => next() < p,
    weighted<K extends string>(weights: Partial<Record<K, number>>): K {
      const entries = Object.entries(weights) as [K, number][];
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [k, w] of entries) {
        r -= w;
        if (r < 0) return k;
      }
      const last = entries[entries.length - 1];
      if (!last) throw new Error('weighted pick from empty table');
      return last[0];
    },
    hex: (length) => fromAlphabet(length, '0123456789abcdef'),
    alnum: (length, alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789') => fromAlphabet(length, alphabet),
    digits: (length) => fromAlphabet(length, '0123456789'),
  };
}

/** Derives an independent stream (e.g. one per shop) from a base seed. */
export function deriveSeed(seed: number, label: string): number {
  let h = seed ^ 0x9e3779b9;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x85ebca6b) >>> 0;
  return h >>> 0;
}
