/** One printed line of a benchmark: a figure and what it measures. */
export interface Row {
  name: string;
  value: string;
  note?: string;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

export function p50p95(samples: readonly number[]): string {
  return `p50 ${ms(percentile(samples, 50))} · p95 ${ms(percentile(samples, 95))} (n=${samples.length})`;
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export function printTable(title: string, rows: readonly Row[]): void {
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  console.log(`\n${title}`);
  console.log('-'.repeat(title.length));
  for (const row of rows) console.log(`${row.name.padEnd(width)}  ${row.value}${row.note ? `  (${row.note})` : ''}`);
}
