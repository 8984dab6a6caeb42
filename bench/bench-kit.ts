/** Small helpers shared by the benchmarks: percentiles, a timer and a table printer. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

export type Row = Record<string, string | number>;

export function printTable(title: string, rows: Row[]): void {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: string | number) => (typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(1)) : value);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => cell(row[column] ?? '').length)));
  const line = (values: string[]) => `| ${values.map((value, index) => value.padEnd(widths[index]!)).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(columns));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(columns.map((column) => cell(row[column] ?? ''))));
}

export function summarize(name: string, samples: number[], extra: Row = {}): Row {
  return { measure: name, n: samples.length, p50_ms: percentile(samples, 50), p95_ms: percentile(samples, 95), max_ms: percentile(samples, 100), ...extra };
}
