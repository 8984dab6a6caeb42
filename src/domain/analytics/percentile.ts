/** Linear-interpolated percentile, the same definition as PostgreSQL's `percentile_cont` (null on no values). */
export function percentileCont(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower]!;
  return low + (sorted[upper]! - low) * (position - lower);
}

/** Rounds for display and for comparing results computed in SQL and in code (float noise). */
export const round2 = (value: number | null): number | null => (value === null ? null : Math.round(value * 100) / 100);
