import type { FrequencyRow, ScaleStatistics } from '../contract/reports';

/**
 * The statistics of the reports, pure. Every figure is rounded once, from its exact ratio
 * of integers (BigInt where a product could pass 2^53), half away from zero: 54.545… is
 * 54.5, 1.005 is 1.01, whatever binary floating point would make of them.
 */

/** numerator / denominator rounded to an integer, half away from zero; denominator > 0. */
export function roundDiv(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n) return -roundDiv(-numerator, denominator);
  return (2n * numerator + denominator) / (2n * denominator);
}

/** numerator / denominator with `decimals` decimals. */
export function roundRatio(numerator: bigint, denominator: bigint, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  return Number(roundDiv(numerator * scale, denominator)) / Number(scale);
}

/** count / total in percent, one decimal; null for an empty total. */
export function percentOf(count: number, total: number): number | null {
  return total === 0 ? null : roundRatio(BigInt(count) * 100n, BigInt(total), 1);
}

/** The integer square root: the largest r with r² ≤ x. */
function isqrt(x: bigint): bigint {
  if (x < 2n) return x;
  let r = BigInt(Math.floor(Math.sqrt(Number(x))));
  while (r * r > x) r -= 1n;
  while ((r + 1n) * (r + 1n) <= x) r += 1n;
  return r;
}

/**
 * √x / d with two decimals, half away from zero: the largest h with h ≤ √x·100/d + ½,
 * that is (2h − 1)·d ≤ 2·√(x·10⁴), compared squared, in integers.
 */
function sqrtRatio2(x: bigint, d: bigint): number {
  const scaled = x * 10_000n;
  let h = (isqrt(scaled * 4n) + d) / (2n * d);
  const fits = (h: bigint) => h <= 0n || ((2n * h - 1n) * d) ** 2n <= 4n * scaled;
  while (!fits(h)) h -= 1n;
  while (fits(h + 1n)) h += 1n;
  return Number(h) / 100;
}

export interface Level {
  value: number;
  label: { fa: string; en: string };
}

export interface Tallied {
  value: number | string;
  label: { fa: string; en: string };
  count: number;
}

/**
 * A frequency table as the seeds print it: each row's percent of the total, and the
 * cumulative percent of the cumulative count (27.3 + 27.3 is 54.5 when 216 / 396 is).
 */
export function frequencyTable(rows: readonly Tallied[]): FrequencyRow[] {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  let cumulative = 0;
  return rows.map((row) => {
    cumulative += row.count;
    return {
      value: row.value,
      label: row.label,
      count: row.count,
      percent: percentOf(row.count, total) ?? 0,
      cumulativePercent: percentOf(cumulative, total) ?? 0,
    };
  });
}

/**
 * Statistics of answers on a scale, from the count of each level (levels best to worst,
 * as the questionnaire gives them). Variance and standard deviation divide by n.
 */
export function scaleStatistics(
  levels: readonly Level[],
  counts: readonly number[],
  noOpinion: number,
  target: number,
): ScaleStatistics {
  const frequencies = frequencyTable(levels.map((level, i) => ({ ...level, count: counts[i] ?? 0 })));
  const n = frequencies.reduce((sum, row) => sum + row.count, 0);
  if (n === 0) {
    return {
      n,
      noOpinion,
      frequencies,
      mean: null,
      median: null,
      modes: [],
      sd: null,
      variance: null,
      acceptance: null,
      targetMet: null,
    };
  }
  let sum = 0n;
  let sumOfSquares = 0n;
  let highest = 0;
  for (const row of frequencies) {
    const value = BigInt(row.value as number);
    sum += value * BigInt(row.count);
    sumOfSquares += value * value * BigInt(row.count);
    highest = Math.max(highest, row.count);
  }
  const bigN = BigInt(n);
  // n·Σx² − (Σx)² = n²·variance: exact, and never negative.
  const spread = bigN * sumOfSquares - sum * sum;
  const ascending = [...frequencies].sort((a, b) => (a.value as number) - (b.value as number));
  const acceptance = percentOf((counts[0] ?? 0) + (counts[1] ?? 0), n) as number;
  return {
    n,
    noOpinion,
    frequencies,
    mean: roundRatio(sum, bigN, 2),
    median: median(ascending, n),
    modes: ascending.filter((row) => row.count === highest).map((row) => row.value as number),
    sd: sqrtRatio2(spread, bigN),
    variance: roundRatio(spread, bigN * bigN, 2),
    acceptance,
    // The acceptance as printed is what is compared: a report never shows 70.0 under a target of 70 as missed.
    targetMet: acceptance >= target,
  };
}

/** The middle value of n values tallied in ascending order; for an even n, the average of the two middle ones. */
function median(ascending: readonly FrequencyRow[], n: number): number {
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const row of ascending) {
      seen += row.count;
      if (rank < seen) return row.value as number;
    }
    throw new Error('rank beyond the tallies');
  };
  const lower = valueAt(Math.floor((n - 1) / 2));
  const upper = valueAt(Math.floor(n / 2));
  return roundRatio(BigInt(lower + upper), 2n, 2);
}
